#include <cctype>
#include <iostream>
#include <string>

int main() {
    std::string line;
    std::getline(std::cin, line);
    long count = 0;
    for (char ch : line) {
        switch (std::tolower(static_cast<unsigned char>(ch))) {
            case 'a': case 'e': case 'i': case 'o': case 'u':
                count++;
        }
    }
    std::cout << count << '\n';
    return 0;
}
