import sys

data = sys.stdin.read().split()
n = int(data[0])
total = sum(int(x) for x in data[1 : n + 1])
print(f"{total / n:.6f}")
