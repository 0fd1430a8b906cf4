import sys

data = sys.stdin.read().split()
n, capacity = int(data[0]), int(data[1])
items = [(int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(n)]  # (weight, value)

# TODO: largest total value with total weight <= capacity, each item at most once.
print(0)
