#include <iostream>
#include <string>

int main() {
    std::string a, b;
    std::cin >> a >> b;

    // TODO: length of the longest common subsequence of a and b (dynamic programming).
    std::cout << 0 << '\n';
    return 0;
}
