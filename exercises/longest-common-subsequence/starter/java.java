import java.util.Scanner;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        String a = in.next();
        String b = in.next();

        // TODO: length of the longest common subsequence of a and b (dynamic programming).
        System.out.println(0);
    }
}
