import sys

a = sys.stdin.readline().strip()
b = sys.stdin.readline().strip()

prev = [0] * (len(b) + 1)  # row i - 1 of the table
for ca in a:
    cur = [0]
    for j, cb in enumerate(b):
        if ca == cb:
            cur.append(prev[j] + 1)
        else:
            up, left = prev[j + 1], cur[j]
            cur.append(up if up > left else left)
    prev = cur

print(prev[-1])
