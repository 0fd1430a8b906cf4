import sys

lines = sys.stdin.read().split()
t = int(lines[0])
for s in lines[1 : t + 1]:
    # TODO: decide whether s is balanced (hint: use a stack).
    print("YES")
