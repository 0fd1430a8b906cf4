import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.Arrays;
import java.util.StringTokenizer;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer first = new StringTokenizer(in.readLine());
        int n = Integer.parseInt(first.nextToken());
        int amount = Integer.parseInt(first.nextToken());
        StringTokenizer second = new StringTokenizer(in.readLine());
        int[] coins = new int[n];
        for (int i = 0; i < n; i++) coins[i] = Integer.parseInt(second.nextToken());

        final int INF = amount + 1; // more coins than any real answer needs
        int[] best = new int[amount + 1];
        Arrays.fill(best, INF);
        best[0] = 0;
        for (int c : coins) {
            for (int x = c; x <= amount; x++) {
                best[x] = Math.min(best[x], best[x - c] + 1);
            }
        }
        System.out.println(best[amount] == INF ? -1 : best[amount]);
    }
}
