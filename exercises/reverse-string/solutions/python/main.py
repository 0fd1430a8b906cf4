import sys

line = sys.stdin.readline().rstrip("\r\n")
print(line[::-1])
