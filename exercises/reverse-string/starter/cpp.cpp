#include <iostream>
#include <string>

int main() {
    std::string line;
    std::getline(std::cin, line);

    // TODO: print the line backwards.
    std::cout << line << '\n';
    return 0;
}
