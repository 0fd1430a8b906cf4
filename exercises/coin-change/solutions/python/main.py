import sys

data = sys.stdin.read().split()
n, amount = int(data[0]), int(data[1])
coins = [int(x) for x in data[2 : 2 + n]]

INF = amount + 1  # more coins than any real answer needs
best = [0] + [INF] * amount
for c in coins:
    for x in range(c, amount + 1):
        if best[x - c] + 1 < best[x]:
            best[x] = best[x - c] + 1

print(best[amount] if best[amount] != INF else -1)
