import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringBuilder text = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) text.append(line).append('\n');

        // TODO: split the text into words (runs of letters), lowercase them and count each one
        // (a HashMap<String, Integer> is handy). Print one line "word count" per distinct word.
        System.out.println("word " + (text.length() > 0 ? 1 : 0));
    }
}
