import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

public class Main {
    static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line = in.readLine();
        if (line == null) line = "";
        int i = 0, j = line.length() - 1;
        boolean palindrome = true;
        while (i < j) {
            char a = line.charAt(i), b = line.charAt(j);
            if (!isLetterOrDigit(a)) {
                i++;
            } else if (!isLetterOrDigit(b)) {
                j--;
            } else if (Character.toLowerCase(a) != Character.toLowerCase(b)) {
                palindrome = false;
                break;
            } else {
                i++;
                j--;
            }
        }
        System.out.println(palindrome ? "YES" : "NO");
    }
}
