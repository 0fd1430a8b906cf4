#include <iostream>
#include <string>

int main() {
    std::string word;
    while (std::cin >> word) {
        // TODO: split into runs of letters, lowercase them and count each one
        // (std::map<std::string, int> is handy). Whitespace-separated chunks like
        // this one may still contain punctuation and digits.
    }
    std::cout << "word 1" << '\n';
    return 0;
}
