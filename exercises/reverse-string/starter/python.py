import sys

line = sys.stdin.readline().rstrip("\n")

# TODO: print the line backwards.
print(line)
