import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        int t = Integer.parseInt(in.readLine().trim());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t; i++) {
            String s = in.readLine().trim();
            // TODO: decide whether s is balanced (hint: use a stack, e.g. java.util.ArrayDeque).
            out.append(s.isEmpty() ? "NO" : "YES").append('\n');
        }
        System.out.print(out);
    }
}
