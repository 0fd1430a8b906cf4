import sys

data = sys.stdin.buffer.read().split()
n, capacity = int(data[0]), int(data[1])
best = [0] * (capacity + 1)  # best[c]: largest value with total weight <= c
for i in range(n):
    w, v = int(data[2 + 2 * i]), int(data[3 + 2 * i])
    for c in range(capacity, w - 1, -1):
        candidate = best[c - w] + v
        if candidate > best[c]:
            best[c] = candidate
print(best[capacity])
