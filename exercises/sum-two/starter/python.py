a, b = map(int, input().split())

# TODO: print the sum of a and b.
print(a, b)
