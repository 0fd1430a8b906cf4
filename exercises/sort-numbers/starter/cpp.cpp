#include <iostream>
#include <vector>

int main() {
    int n;
    std::cin >> n;
    std::vector<long long> numbers(n);
    for (auto& x : numbers) std::cin >> x;

    // TODO: sort the numbers from smallest to largest.
    std::cout << numbers.size() << '\n';
    return 0;
}
