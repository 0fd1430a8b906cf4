import java.util.Scanner;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt();
        int amount = in.nextInt();
        int[] coins = new int[n];
        for (int i = 0; i < n; i++) coins[i] = in.nextInt();

        // TODO: fewest coins that make exactly `amount` (dynamic programming), or -1.
        System.out.println(0);
    }
}
