import java.util.Scanner;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt();

        // TODO: compute F(n) mod 1000000007 with a loop (recursion is far too slow).
        System.out.println(n);
    }
}
