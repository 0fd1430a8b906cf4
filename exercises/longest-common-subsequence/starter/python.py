import sys

a = sys.stdin.readline().strip()
b = sys.stdin.readline().strip()

# TODO: length of the longest common subsequence of a and b (dynamic programming).
print(0)
