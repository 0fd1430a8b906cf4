#include <iostream>

int main() {
    long long a, b;
    std::cin >> a >> b;

    // TODO: print the sum of a and b.
    std::cout << a << ' ' << b << '\n';
    return 0;
}
