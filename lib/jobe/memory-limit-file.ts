/**
 * Jobe's memorylimit is an address-space limit (runguard sets RLIMIT_AS): a C program asking
 * for more gets NULL from malloc, and C questions test exactly that. Runbox limits memory with
 * a cgroup, which kills the program only when it touches the memory. For C and C++ the same
 * limit is set from inside the program: a constructor, compiled in from one extra file, lowers
 * RLIMIT_AS (soft and hard: the program cannot raise it back) before main runs.
 */

/** Name of the extra file; reserved-looking, so it does not meet a question's own files. */
export const MEMORY_LIMIT_FILE = "__runbox_jobe_memlimit";

/** The C source; warning-free under -Wall -Wextra -Werror -pedantic from C89 to C23 and as C++. */
export function memoryLimitSource(megabytes: number): string {
  return `/* Runbox's Jobe API: Jobe's memorylimit (${megabytes} MB) as an address-space limit. */
#if !defined(__cplusplus) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200112L
#endif
#include <sys/resource.h>

static void runbox_jobe_memlimit(void) __attribute__((constructor));

static void runbox_jobe_memlimit(void) {
  struct rlimit limit;
  rlim_t megabytes = ${Math.floor(megabytes)}u;
  limit.rlim_cur = megabytes * 1048576u;
  limit.rlim_max = limit.rlim_cur;
  (void)setrlimit(RLIMIT_AS, &limit);
}
`;
}

/**
 * The extra file for a C or C++ run, or undefined: other languages run in a VM or interpreter
 * that reserves far more address space than it uses (Jobe leaves Java unlimited too), and
 * AddressSanitizer needs terabytes of it.
 */
export function memoryLimitFile(
  languageId: string,
  megabytes: number,
  compileArgs: string[],
): { name: string; content: string; encoding: "utf8" } | undefined {
  if (languageId !== "c" && languageId !== "cpp") return undefined;
  if (compileArgs.some((a) => a.includes("sanitize"))) return undefined;
  return {
    name: `${MEMORY_LIMIT_FILE}.${languageId === "c" ? "c" : "cpp"}`,
    content: memoryLimitSource(megabytes),
    encoding: "utf8",
  };
}
