import sys

data = sys.stdin.read().split()
n, q = int(data[0]), int(data[1])
values = [int(x) for x in data[2 : 2 + n]]
queries = [int(x) for x in data[2 + n : 2 + n + q]]

for x in queries:
    # TODO: binary-search the first and last position of x in values (or -1 -1).
    print(-1, -1)
