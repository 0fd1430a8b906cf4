#include <algorithm>
#include <iostream>
#include <vector>

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, q;
    std::cin >> n >> q;
    std::vector<long long> values(n);
    for (auto& v : values) std::cin >> v;
    for (int i = 0; i < q; i++) {
        long long x;
        std::cin >> x;
        auto first = std::lower_bound(values.begin(), values.end(), x);
        auto after = std::upper_bound(values.begin(), values.end(), x);
        if (first == after) {
            std::cout << "-1 -1\n";
        } else {
            std::cout << (first - values.begin()) << ' ' << (after - values.begin() - 1) << '\n';
        }
    }
    return 0;
}
