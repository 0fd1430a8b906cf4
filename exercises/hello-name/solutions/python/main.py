import sys

name = sys.stdin.readline().strip()
print(f"Hello, {name or 'World'}!")
