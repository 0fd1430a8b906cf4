import java.io.DataInputStream;
import java.io.IOException;

public class Main {
    /** A small fast reader: Scanner is too slow for 100 000 numbers. */
    static final DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(System.in, 1 << 16));

    static int nextInt() throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r') c = in.read();
        boolean negative = c == '-';
        if (negative) c = in.read();
        int value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            c = in.read();
        }
        return negative ? -value : value;
    }

    /** Index of the first value >= x, or values.length if there is none. */
    static int firstAtLeast(int[] values, long x) {
        int lo = 0, hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public static void main(String[] args) throws IOException {
        int n = nextInt(), q = nextInt();
        int[] values = new int[n];
        for (int i = 0; i < n; i++) values[i] = nextInt();
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < q; k++) {
            int x = nextInt();
            int first = firstAtLeast(values, x);
            if (first < n && values[first] == x) {
                int last = firstAtLeast(values, (long) x + 1) - 1;
                out.append(first).append(' ').append(last).append('\n');
            } else {
                out.append("-1 -1\n");
            }
        }
        System.out.print(out);
    }
}
