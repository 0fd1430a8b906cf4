/**
 * Whether a program reads standard input, from its source: the calls each language's beginners
 * use (input(), scanf, cin, Scanner, gets, readline, fmt.Scan, read_line, fgets, read). A
 * program that reads nothing cannot have run out of input; one that does and was given none
 * (or had it ended) probably did, even where the language says nothing (C's scanf, Go's Scan).
 */

/** Source looked at per file, and in all: the calls are near the top in beginners' programs. */
const PER_FILE_CHARS = 64 * 1024;
const TOTAL_CHARS = 256 * 1024;

const READERS: Record<string, RegExp> = {
  python: /\binput\s*\(|\bsys\.stdin\b|\bfileinput\b|\bopen\s*\(\s*0\b/,
  javascript:
    /\bprocess\.stdin\b|\breadline\b|\bprompt\s*\(|readFileSync\s*\(\s*(?:0|["'`]\/dev\/stdin["'`]|process\.stdin\.fd)/,
  typescript:
    /\bprocess\.stdin\b|\breadline\b|\bprompt\s*\(|readFileSync\s*\(\s*(?:0|["'`]\/dev\/stdin["'`]|process\.stdin\.fd)/,
  c: /\b(?:scanf|getchar|fgets|gets|getline|getc|fgetc|fread)\s*\(|\bstdin\b|\bread\s*\(\s*(?:0|STDIN_FILENO)\b/,
  "c++": /\bcin\b|\b(?:scanf|getchar|fgets|gets|getline|getc|fgetc)\s*\(|\bstdin\b/,
  java: /\bScanner\b|\bSystem\.in\b|\bBufferedReader\b|\bSystem\.console\s*\(/,
  ruby: /\bgets\b|\bSTDIN\b|\$stdin\b|\bARGF\b|\breadlines?\b/,
  go: /\bfmt\.(?:Scan|Scanln|Scanf|Fscan|Fscanln|Fscanf)\b|\bos\.Stdin\b/,
  rust: /\bstdin\s*\(\s*\)|\bio::stdin\b/,
  php: /\bSTDIN\b|php:\/\/stdin|\breadline\s*\(|\bfscanf\s*\(|\bstream_get_line\s*\(/,
  bash: /(?:^|[\s;&|({`])read\b|\bmapfile\b|\breadarray\b|<&0|\/dev\/stdin|\bcat\s*(?:$|[|;)])/m,
};

/** Whether any of the files reads standard input, as far as the language's usual calls show. */
export function readsInput(language: string, sources: readonly string[]): boolean {
  const re = READERS[language];
  if (!re) return false;
  let budget = TOTAL_CHARS;
  for (const source of sources) {
    if (budget <= 0) break;
    const text = source.length > PER_FILE_CHARS ? source.slice(0, PER_FILE_CHARS) : source;
    budget -= text.length;
    if (re.test(text)) return true;
  }
  return false;
}
