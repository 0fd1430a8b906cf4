#include <iostream>
#include <vector>

int main() {
    int n;
    std::cin >> n;
    std::vector<long long> numbers(n);
    for (auto& x : numbers) std::cin >> x;

    // TODO: print the average of the numbers (a decimal number).
    std::cout << 0.0 << '\n';
    return 0;
}
