#include <iostream>
#include <vector>

int main() {
    int n, capacity;
    std::cin >> n >> capacity;
    std::vector<int> weight(n);
    std::vector<long long> value(n);
    for (int i = 0; i < n; i++) std::cin >> weight[i] >> value[i];

    // TODO: largest total value with total weight <= capacity, each item at most once.
    std::cout << 0 << '\n';
    return 0;
}
