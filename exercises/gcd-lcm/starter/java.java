import java.util.Scanner;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        long a = in.nextLong();
        long b = in.nextLong();

        // TODO: compute the GCD and the LCM of a and b (mind the size of the LCM).
        System.out.println("0 0");
    }
}
