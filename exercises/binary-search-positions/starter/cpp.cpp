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
        // TODO: binary-search the first and last position of x in values (or -1 -1).
        std::cout << "-1 -1" << '\n';
    }
    return 0;
}
