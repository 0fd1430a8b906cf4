#include <iostream>
#include <string>

int main() {
    std::string line;
    std::getline(std::cin, line);

    // TODO: greet the person: strip the spaces around the name, and use World when it is empty.
    std::cout << "Hello!" << '\n';
    return 0;
}
