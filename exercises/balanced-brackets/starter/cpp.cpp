#include <iostream>
#include <string>

int main() {
    int t;
    std::cin >> t;
    for (int i = 0; i < t; i++) {
        std::string s;
        std::cin >> s;
        // TODO: decide whether s is balanced (hint: use a stack).
        std::cout << "YES" << '\n';
    }
    return 0;
}
