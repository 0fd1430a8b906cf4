#include <iostream>
#include <vector>

int main() {
    int n, amount;
    std::cin >> n >> amount;
    std::vector<int> coins(n);
    for (auto& c : coins) std::cin >> c;

    // TODO: fewest coins that make exactly `amount` (dynamic programming), or -1.
    std::cout << 0 << '\n';
    return 0;
}
