#include <iostream>

int main() {
    long long a, b;
    std::cin >> a >> b;

    // TODO: compute the GCD and the LCM of a and b (mind the size of the LCM).
    std::cout << "0 0" << '\n';
    return 0;
}
