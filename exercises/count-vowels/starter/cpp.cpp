#include <iostream>
#include <string>

int main() {
    std::string line;
    std::getline(std::cin, line);

    // TODO: count the vowels (a, e, i, o, u, in either case) in the line.
    std::cout << 0 << '\n';
    return 0;
}
