import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer first = new StringTokenizer(in.readLine());
        int n = Integer.parseInt(first.nextToken());
        int capacity = Integer.parseInt(first.nextToken());
        long[] best = new long[capacity + 1]; // best[c]: largest value with total weight <= c
        for (int i = 0; i < n; i++) {
            StringTokenizer item = new StringTokenizer(in.readLine());
            int w = Integer.parseInt(item.nextToken());
            long v = Long.parseLong(item.nextToken());
            for (int c = capacity; c >= w; c--) {
                best[c] = Math.max(best[c], best[c - w] + v);
            }
        }
        System.out.println(best[capacity]);
    }
}
