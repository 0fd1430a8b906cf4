MOD = 1_000_000_007

n = int(input())
a, b = 0, 1  # F(i), F(i + 1)
for _ in range(n):
    a, b = b, (a + b) % MOD
print(a)
