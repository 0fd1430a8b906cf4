import sys

line = sys.stdin.readline().rstrip("\n")

# TODO: count the vowels (a, e, i, o, u, in either case) in the line.
print(0)
