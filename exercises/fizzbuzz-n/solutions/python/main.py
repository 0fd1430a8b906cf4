n = int(input())
lines = []
for i in range(1, n + 1):
    if i % 15 == 0:
        lines.append("FizzBuzz")
    elif i % 3 == 0:
        lines.append("Fizz")
    elif i % 5 == 0:
        lines.append("Buzz")
    else:
        lines.append(str(i))
print("\n".join(lines))
