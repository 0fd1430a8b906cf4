import java.util.Scanner;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt();
        int capacity = in.nextInt();
        int[] weight = new int[n];
        long[] value = new long[n];
        for (int i = 0; i < n; i++) {
            weight[i] = in.nextInt();
            value[i] = in.nextLong();
        }

        // TODO: largest total value with total weight <= capacity, each item at most once.
        System.out.println(0);
    }
}
