#include <iostream>
#include <string>

int main() {
    std::string line;
    std::getline(std::cin, line);

    // TODO: keep letters and digits, ignore case, and print YES or NO.
    std::cout << "YES" << '\n';
    return 0;
}
