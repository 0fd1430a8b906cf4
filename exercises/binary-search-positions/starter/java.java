import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer first = new StringTokenizer(in.readLine());
        int n = Integer.parseInt(first.nextToken());
        int q = Integer.parseInt(first.nextToken());
        StringTokenizer line = new StringTokenizer(in.readLine());
        long[] values = new long[n];
        for (int i = 0; i < n; i++) values[i] = Long.parseLong(line.nextToken());
        StringTokenizer queries = new StringTokenizer(in.readLine());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < q; i++) {
            long x = Long.parseLong(queries.nextToken());
            // TODO: binary-search the first and last position of x in values (or -1 -1).
            out.append("-1 -1").append('\n');
        }
        System.out.print(out);
    }
}
