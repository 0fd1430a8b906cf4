name = input().strip()
print(f"Hello, {name}!")
print(sum(range(1, 101)))
