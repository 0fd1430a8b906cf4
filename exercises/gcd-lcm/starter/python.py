a, b = map(int, input().split())

# TODO: compute the GCD and the LCM of a and b (mind the size of the LCM).
print(0, 0)
