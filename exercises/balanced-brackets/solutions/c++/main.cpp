#include <iostream>
#include <string>
#include <vector>

static bool balanced(const std::string& s) {
    std::vector<char> stack;
    stack.reserve(s.size());
    for (char c : s) {
        if (c == '(' || c == '[' || c == '{') {
            stack.push_back(c);
            continue;
        }
        char open = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (stack.empty() || stack.back() != open) return false;
        stack.pop_back();
    }
    return stack.empty();
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int t;
    std::cin >> t;
    std::string s;
    for (int i = 0; i < t; i++) {
        std::cin >> s;
        std::cout << (balanced(s) ? "YES" : "NO") << '\n';
    }
    return 0;
}
