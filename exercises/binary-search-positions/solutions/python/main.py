import sys


def first_at_least(values, x):
    """Index of the first value >= x (len(values) if there is none)."""
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
values = list(map(int, data[2 : 2 + n]))
out = []
for x in map(int, data[2 + n : 2 + n + q]):
    first = first_at_least(values, x)
    if first < n and values[first] == x:
        out.append(f"{first} {first_at_least(values, x + 1) - 1}")
    else:
        out.append("-1 -1")
print("\n".join(out))
