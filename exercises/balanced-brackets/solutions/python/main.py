import sys

MATCH = {")": "(", "]": "[", "}": "{"}


def balanced(s):
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif not stack or stack.pop() != MATCH[ch]:
            return False
    return not stack


lines = sys.stdin.read().split()
t = int(lines[0])
print("\n".join("YES" if balanced(s) else "NO" for s in lines[1 : t + 1]))
