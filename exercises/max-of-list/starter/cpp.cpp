#include <iostream>
#include <vector>

int main() {
    int n;
    std::cin >> n;
    std::vector<long long> numbers(n);
    for (auto& x : numbers) std::cin >> x;

    // TODO: find the largest number (careful: they may all be negative).
    std::cout << numbers[0] << '\n';
    return 0;
}
