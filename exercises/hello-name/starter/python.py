import sys

line = sys.stdin.readline().rstrip("\n")

# TODO: greet the person: strip the spaces around the name, and use World when it is empty.
print("Hello!")
