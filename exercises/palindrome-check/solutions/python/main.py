import sys

line = sys.stdin.readline()
cleaned = [ch.lower() for ch in line if ch.isascii() and ch.isalnum()]
print("YES" if cleaned == cleaned[::-1] else "NO")
