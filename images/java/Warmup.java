// Compiled once while the image is built, to record the classes javac loads in
// /opt/runbox/javac.jsa. It uses a broad mix of language features so that the archive covers
// most of what compiling a typical program needs.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.*;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

public class Warmup {
    interface Shape { double area(); }

    record Circle(double r) implements Shape {
        public double area() { return Math.PI * r * r; }
    }

    record Rect(double w, double h) implements Shape {
        public double area() { return w * h; }
    }

    enum Color { RED, GREEN, BLUE }

    static abstract class Animal {
        abstract String sound();
    }

    static final class Dog extends Animal {
        @Override String sound() { return "woof"; }
    }

    static <T extends Comparable<T>> T max(List<T> xs) {
        T best = null;
        for (T x : xs) if (best == null || x.compareTo(best) > 0) best = x;
        return best;
    }

    static String describe(Object o) {
        if (o instanceof Circle c) return "circle " + c.r();
        return switch (o.getClass().getSimpleName()) {
            case "Rect" -> "rect";
            default -> {
                String s = String.valueOf(o);
                yield s.isEmpty() ? "?" : s;
            }
        };
    }

    public static void main(String[] args) throws IOException {
        var shapes = new ArrayList<Shape>(List.of(new Circle(1), new Rect(2, 3)));
        shapes.sort(Comparator.comparingDouble(Shape::area));
        Map<String, Integer> counts = new HashMap<>();
        for (String w : "a b a c b a".split(" ")) counts.merge(w, 1, Integer::sum);
        Function<Integer, Integer> sq = x -> x * x;
        long total = IntStream.rangeClosed(1, 100).mapToLong(i -> sq.apply(i)).sum();
        String joined = shapes.stream().map(Warmup::describe).collect(Collectors.joining(", "));
        int[][] grid = new int[3][4];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) grid[i][j] = i * j;
        StringBuilder sb = new StringBuilder();
        for (Color c : Color.values()) sb.append(c.name().toLowerCase()).append(c.ordinal());
        Optional<String> first = counts.keySet().stream().sorted().findFirst();
        Deque<Integer> dq = new ArrayDeque<>();
        PriorityQueue<long[]> pq = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        pq.add(new long[] {total, 1});
        dq.push(grid[2][3]);
        String text = """
            text block %d
            """.formatted(dq.peek());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in))) {
            String line = in.ready() ? in.readLine() : null;
            Animal a = new Dog();
            System.out.printf("%s %d %s %s %s %s %s %s%n", joined, total, sb, first.orElse("-"),
                max(Arrays.asList(3, 1, 2)), a.sound(), text.strip(), line);
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }
}
