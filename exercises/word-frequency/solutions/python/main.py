import re
import sys

counts = {}
for word in re.findall(r"[A-Za-z]+", sys.stdin.read()):
    word = word.lower()
    counts[word] = counts.get(word, 0) + 1

print("\n".join(f"{word} {count}" for word, count in counts.items()))
