import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        int n = Integer.parseInt(in.readLine().trim());
        StringTokenizer tokens = new StringTokenizer(in.readLine());
        long[] numbers = new long[n];
        for (int i = 0; i < n; i++) numbers[i] = Long.parseLong(tokens.nextToken());

        // TODO: print the average of the numbers (a decimal number).
        System.out.println(0.0);
    }
}
