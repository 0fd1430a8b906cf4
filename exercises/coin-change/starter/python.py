import sys

data = sys.stdin.read().split()
n, amount = int(data[0]), int(data[1])
coins = [int(x) for x in data[2 : 2 + n]]

# TODO: fewest coins that make exactly `amount` (dynamic programming), or -1.
print(0)
