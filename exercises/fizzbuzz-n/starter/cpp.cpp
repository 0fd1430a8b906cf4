#include <iostream>

int main() {
    long long n;
    std::cin >> n;

    // TODO: print one line per number from 1 to n: Fizz, Buzz, FizzBuzz or the number.
    std::cout << n << '\n';
    return 0;
}
