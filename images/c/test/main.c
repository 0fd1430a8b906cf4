#include <stdio.h>
#include <string.h>

int main(void) {
  char name[256] = "";
  if (fgets(name, sizeof name, stdin)) name[strcspn(name, "\r\n")] = '\0';
  printf("Hello, %s!\n", name);
  int sum = 0;
  for (int i = 1; i <= 100; i++) sum += i;
  printf("%d\n", sum);
  return 0;
}
