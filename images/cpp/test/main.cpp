#include <iostream>
#include <numeric>
#include <string>
#include <vector>

int main() {
  std::string name;
  std::getline(std::cin, name);
  std::cout << "Hello, " << name << "!\n";
  std::vector<int> v(100);
  std::iota(v.begin(), v.end(), 1);
  std::cout << std::accumulate(v.begin(), v.end(), 0) << "\n";
  return 0;
}
