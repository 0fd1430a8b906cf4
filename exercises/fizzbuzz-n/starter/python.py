n = int(input())

# TODO: print one line per number from 1 to n: Fizz, Buzz, FizzBuzz or the number.
print(n)
