import java.util.Scanner;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt();

        // TODO: print one line per number from 1 to n: Fizz, Buzz, FizzBuzz or the number.
        System.out.println(n);
    }
}
