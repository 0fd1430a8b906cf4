/**
 * What a teacher would say next to each kind of error, per language. Lookup goes from the
 * most specific to the most general: language + kind (an exception class, a signal, a
 * diagnostic kind), any language + kind, language + category, then the category's default.
 * Limit hints continue the sentence in limits.ts that names the limit, so they do not repeat it.
 */
import type { DebugCategory } from "./types";

type ByLanguage = Record<string, string> & { "*": string };

const BY_CATEGORY: Record<DebugCategory, ByLanguage> = {
  syntax: {
    "*": "The code does not follow the language's grammar, so none of it ran. Look at the marked line and the one before it: a missing bracket, quote or separator is often noticed one line after the real mistake.",
    python:
      "Python could not read the program, so no line of it ran. Check the marked line and the one above it for a missing `:` after `if`, `for`, `while` or `def`, an unclosed bracket or quote, or `=` where `==` was meant.",
    javascript:
      "JavaScript could not parse the file, so nothing ran. Check for an unclosed `(`, `{` or string and for a missing value after `=` or `,`; the error is often reported just after the real mistake.",
    typescript:
      "TypeScript could not parse the code. Check the marked position for a missing `)`, `}` or `,`, and the line before it too: an unclosed bracket is often only noticed where the next statement begins.",
    bash: "Bash could not parse the script. Every `if` needs `then` and `fi`, every loop `do` and `done`; when the condition and `then` share a line, put `;` between them (`if [ $x -eq 1 ]; then`).",
    ruby: "Ruby could not parse the file. Most often a `def`, `if`, `do` or `class` is missing its `end` (Ruby then complains at the end of the file) or a bracket or quote is not closed; consistent indentation shows which block is still open.",
    go: "Go could not parse the file. Check the marked line for a missing `)` or `}`, or a missing comma at the end of a line inside a call or list; an opening `{` must stay on the same line as its `func`, `if` or `for`.",
    c: "The compiler could not parse the code. Statements end with `;`, and a missing one is reported at the start of the next line; also check that every `(` and `{` is closed.",
    "c++":
      "The compiler could not parse the code. Statements end with `;` (so do class and struct definitions, after the `}`), and a missing one is reported at the next token; check that every `(` and `{` is closed.",
    rust: "rustc could not parse the code. Statements end with `;` (except a block's final value) and every `(`, `[` and `{` needs its partner; the fix is usually just before where the caret points.",
    java: "javac could not parse the code. Every statement ends with `;`, every `(` and `{` needs its partner, and statements must sit inside a method inside a class; fix the first error first, the others often go with it.",
    php: "PHP could not parse the file, so no line of it ran. Each statement ends with `;` (a missing one is reported on the next line) and variables start with `$`; check the line before the marked one too.",
  },
  name: {
    "*": "A name is used that does not exist at that point. Check the spelling and capitalisation, and that it is declared before this line in a scope that can see it.",
    python:
      "Python reads names top to bottom: a name must be assigned (or imported) before the line that uses it. Check the spelling and capitalisation, and that the assignment is not inside a branch that did not run.",
    javascript:
      "JavaScript cannot find a variable with this name. Check the spelling and capitalisation, declare it with `let` or `const` before using it, and remember that a variable declared inside `{ }` does not exist outside them.",
    typescript:
      "TypeScript cannot find this name here. Check the spelling and capitalisation, that it is declared (`let`, `const`, `function`) or imported, and that the declaration is not inside a block this line is outside of.",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax, shown to the learner as is
    bash: "With `set -u`, Bash stops at a variable that was never set. Check the spelling (names are case-sensitive), and give optional variables a default with `${name:-default}`.",
    ruby: "Ruby found no local variable or method with this name. Check the spelling, and that the variable is assigned earlier in the same method: a method cannot see local variables from outside it.",
    go: "Go cannot find this name. Check the spelling and capitalisation (names from another package start with a capital letter, like `fmt.Println`), and that it is declared in a block that contains this line.",
    c: "The compiler has not seen a declaration of this name. Check the spelling, declare the variable before using it, and remember that a variable declared inside `{ }` ends at the closing brace.",
    "c++":
      "The compiler has not seen this name in this scope. Check the spelling and declare it before use; names from the standard library need `std::` and their header (`std::vector` needs `#include <vector>`).",
    rust: "rustc cannot find this name in scope. Check the spelling and that a `let` declares it earlier in the same block; items from other modules are brought in with `use`.",
    java: "javac cannot find this symbol. Check the spelling and capitalisation, that the variable is declared before this line in the same block, and that classes from other packages are imported.",
    php: "PHP reached a variable that was never given a value. Check the spelling (names are case-sensitive and start with `$`), and that it is assigned before this line in the same function: a function cannot see variables from outside unless they are passed in.",
  },
  type: {
    "*": "A value of one type is used where another is needed. Check what each value really is at this line, and convert explicitly where you mean to.",
    python:
      'An operation got a value of the wrong type, such as adding text and a number. Convert explicitly (`str(n)`, `int(s)`) or use an f-string like `f"age: {age}"`, and check what each function returns.',
    javascript:
      "A value was used in a way its type does not allow, such as assigning to a `const`. Use `let` for variables you reassign, and check what a value really is with `console.log(typeof x)`.",
    typescript:
      "TypeScript found a value whose type does not match what is expected here. Read the message as 'got X, expected Y', then convert the value (`Number(s)`, `String(n)`) or correct the declared type.",
    bash: 'A test or calculation got a value of the wrong kind, often an empty variable. Quote variables inside `[ ]` (`[ "$x" = yes ]`) and use `-eq` or `-lt` only for numbers.',
    ruby: 'Ruby does not convert between types on its own: `"age: " + 3` fails. Convert with `to_s`, `to_i` or `to_f`, or interpolate: `"age: #{age}"`.',
    go: "Go never converts types implicitly: the value's type must match exactly. Convert explicitly (`float64(n)`, `strconv.Itoa(n)`, `strconv.Atoi(s)`) or change the declared type.",
    c: "The value's type does not fit where it is used. Check the declared types on both sides; use a struct's fields (`p.x`) rather than the whole struct, and match `printf` formats to the argument types.",
    "c++":
      "The compiler cannot convert between these types. Check the declared types on both sides, and convert explicitly where you mean to (`std::stoi(s)`, `std::to_string(n)`) or fix the function's parameters.",
    rust: "Rust never converts types implicitly. Read 'expected X, found Y', then convert (`as`, `.into()`, `.parse()`, `.to_string()`) or change the declared type.",
    java: "Java found a value of one type where another is required. Convert explicitly (`Integer.parseInt(s)`, `String.valueOf(n)`, a cast between number types) or correct the declared type.",
    php: "A function got a value of the wrong type; PHP 8 checks the types of built-in functions' arguments. Look at what the variable holds with `var_dump($x)` and pass what the function expects.",
  },
  null_reference: {
    "*": "A value was empty (null, None or nil) where an object was needed. Find where it should have been set, and handle the empty case before using it.",
    python:
      "A value is `None` where an object was expected. A function gives `None` when it ends without `return` (for example when no `if` branch matched), and so do methods such as `list.sort()`; make every path return a value or check `if result is None`.",
    javascript:
      "A value is `undefined` or `null` and the code reads a property from it. Log the object just before this line, check the property names along the chain, and use `?.` (`user.address?.city`) where a value may be missing.",
    typescript:
      "A value is `undefined` or `null` at run time even though the types said otherwise (a `!` or a cast tells TypeScript to trust you). Handle the missing case, e.g. `if (xs === undefined)`, or use `?.` and `??`.",
    ruby: "A value is `nil` and a method was called on it. A missing hash key, `first` of an empty array and a method that returns nothing all give `nil`; check with `if value` or call safely with `&.` (`value&.upcase`).",
    go: "A nil pointer or map was used. A map must be created with `make(map[string]int)` before you write to it, and a pointer must point at something before you follow it.",
    rust: "`unwrap()` found `None`: the value you expected was not there (an empty collection, a missing key, a failed search). Handle both cases with `match` or `if let Some(x) = …`, or give a default with `unwrap_or`.",
    java: "A variable holding `null` was used as an object; the message says which expression was null. Make sure it gets a value (e.g. the key exists in the map) or check `if (x != null)` first.",
    php: "A method was called on `null`: the variable was never set, a function returned nothing, or a lookup failed. Check with `var_dump()` just before this line and handle the empty case.",
  },
  index: {
    "*": "An index or key is outside what the collection holds. Indexes start at 0, so the last one is length − 1; check loop bounds and the collection's size.",
    python:
      "An index or key is not in the collection. List indexes run from 0 to `len(xs) - 1`; for a dictionary, check `if key in d` first or use `d.get(key)`.",
    ruby: "There is no element at that index or key. Arrays index from 0 to `size - 1`; give `fetch` a default (`fetch(i, nil)`) or check with `key?` / `size` first.",
    go: "A slice or array index is outside its length. Indexes run from 0 to `len(xs) - 1`; loop with `i < len(xs)` (not `<=`) and check indexes you compute.",
    rust: "A vector or slice was indexed past its end. Indexes run from 0 to `len() - 1`; `.get(i)` gives `None` instead of panicking, or check the bounds first.",
    java: "An index is outside the array or list. Valid indexes are 0 to `length - 1` (`size() - 1` for lists); in loops write `i < xs.length`, not `<=`.",
    "c++":
      "`at()` found the index outside the container. Valid indexes are 0 to `size() - 1`; check loop bounds and computed indexes (plain `[]` would not check and would read garbage instead).",
    php: "The array has no element with that key. Check with `isset($a[$k])` or `array_key_exists()`, and remember that lists index from 0.",
  },
  zero_division: {
    "*": "The program divided by zero. Check the divisor before dividing: it is often the count or length of something empty.",
    python:
      "The divisor is zero, often the length of an empty list or a counter that never increased. Check it first (`if count:`) and decide what the result should be in that case.",
    bash: "`$(( ))` arithmetic divided by zero. Check that the divisor variable is set and not zero before the division.",
    ruby: "Integer division by zero raises in Ruby (with floats you get Infinity instead). Check the divisor first, e.g. `return 0 if xs.empty?`.",
    go: "An integer was divided by zero. Guard the division with `if n != 0`; the divisor is often the length of an empty slice.",
    c: "An integer division or remainder by zero stopped the program with SIGFPE. Check the divisor before dividing; it is often a count or a value read from input.",
    "c++":
      "An integer division or remainder by zero stopped the program with SIGFPE. Check the divisor before dividing; it is often a count or a value read from input.",
    rust: "An integer was divided by zero, which always panics in Rust. Check the divisor first, or use `checked_div`, which gives `None` for zero.",
    java: "Integer division by zero throws `ArithmeticException` (floating-point division gives Infinity instead). Check the divisor first; it is often the length of an empty array.",
    php: "PHP 8 throws `DivisionByZeroError` for `/`, `%` and `intdiv()` by zero. Check the divisor first, e.g. `count($xs) > 0`.",
  },
  import: {
    "*": "A module, package or file the program needs could not be found. Check the spelling; only the standard library is installed here and there is no network to download packages.",
    python:
      "Python could not find this module. Check the spelling; only the standard library is installed here (no pip packages), and your own modules must be files in the project, imported by file name without `.py`.",
    javascript:
      'Node could not find this module. Only Node\'s built-in modules are available (no npm packages); load your own files by relative path, like `require("./util")`.',
    typescript:
      'TypeScript could not find this module. Import your own files by relative path without the extension (`import { f } from "./util"`); npm packages other than Node\'s types are not installed.',
    bash: "`source` (or `.`) could not find the file. Paths are relative to the directory the script runs in; check the file's name and folder, and that it is part of the project.",
    ruby: 'Ruby could not load this file or gem. Only the standard library is installed; load your own files with `require_relative "lib/util"` (without `.rb`).',
    go: 'Go could not find this package. Only the standard library is available (no `go get` here), and standard packages are imported by their short path, like `"strings"`.',
    c: 'The header file could not be found. Only the C standard library and POSIX headers are installed; include your own headers with quotes (`#include "util.h"`) and add the file to the project.',
    "c++":
      'The header could not be found. Only the standard library is installed (no Boost); include your own headers with quotes (`#include "util.hpp"`), and check the name: `<vector>`, not `<vector.h>`.',
    rust: "rustc could not resolve this path. External crates such as `rand` are not available (there is no Cargo here); your own modules need `mod name;` in main.rs and a file `name.rs`.",
    java: "The package or class could not be found. Only the JDK's own packages exist here (no Maven libraries); check the import's spelling, e.g. `import java.util.Scanner;`.",
    php: "PHP could not open the file to include. Build paths from the script's folder, like `require __DIR__ . '/lib/util.php';`, and note there is no Composer `vendor` folder here.",
  },
  recursion: {
    "*": "A function kept calling itself until the call stack ran out. Every recursive function needs a base case that returns without calling itself, and each call must move closer to it.",
    python:
      "A function kept calling itself until Python's limit of about 1000 nested calls. Check the base case (e.g. `if n == 0: return 1`) and that every call moves towards it; for deep but finite work a loop is better than raising the limit.",
    javascript:
      "A function kept calling itself until the call stack ran out. Make sure it has a base case that is actually reached (e.g. `if (n <= 0) return 0;`) and that each call changes its argument towards it.",
    typescript:
      "A function kept calling itself until the call stack ran out. Make sure it has a base case that is actually reached (e.g. `if (n <= 0) return 0;`) and that each call changes its argument towards it.",
    ruby: "A method kept calling itself until Ruby's stack ran out ('stack level too deep'). Give it a base case that returns without recursing (e.g. `return 1 if n <= 1`) and make each call move towards it.",
    go: "A function kept calling itself until its goroutine's stack reached Go's 1 GB limit. Add or fix the base case (e.g. `if n == 0 { return 0 }`) so the recursion ends.",
    rust: "A function kept calling itself until the thread's stack overflowed; rustc had already warned that it 'cannot return without recursing'. Add a base case that returns without calling itself.",
    java: "A method kept calling itself until the JVM's stack was exhausted; the repeated line in the trace is the recursive call. Add or fix the base case so the recursion stops.",
    bash: "A function kept calling itself past Bash's nesting limit. Give it a condition that stops the recursion, or use a loop instead.",
  },
  assertion: {
    "*": "An assertion, a check the code makes about its own state, turned out false. The assertion is usually right and the code before it wrong: print the values it compares just before it.",
    python:
      "An `assert` found its condition false. Print the values involved just before it (e.g. `print(add(2, 2))`) to see which computation gives the wrong answer.",
    javascript:
      "An `assert` check failed; the message shows the actual and the expected value. Work back from the actual value to the code that computed it.",
    c: "`assert()` found its condition false and aborted the program. Print the values in the condition just before it to find which one is wrong.",
    "c++":
      "`assert()` found its condition false and aborted the program. Print the values in the condition just before it to find which one is wrong.",
  },
  command_not_found: {
    "*": "The shell found no program or function with this name. Check the spelling, that the command exists in this sandbox (a small Debian system), and that a function is defined before the line that calls it.",
  },
  undefined_function: {
    "*": "The code calls a function or method that does not exist. Check the spelling and that it is defined or imported before it is called.",
    python:
      "The object has no method with this name. Check the spelling and the object's type (`type(x)`): strings have `upper()`, not `uppercase()`, and `dir(x)` lists everything available.",
    javascript:
      "The value you call is not a function: that method does not exist on this type, or the name holds something else. Check the spelling and the type (arrays have `push`, sets have `add`).",
    typescript:
      "TypeScript says this value cannot be called: it is not a function. Check that you call the right name, or use the value without `()` if it is not meant to be called.",
    ruby: "Ruby found no method with this name for this object. Check the spelling and that the method is defined (with `def`) before the line that calls it; `obj.methods` lists what exists.",
    c: "A function is called but never defined, so the linker could not find it. Check the spelling, `#include` the header of standard functions (e.g. `<string.h>` for `strlen`), and define your own functions above `main` or in a .c file of the project.",
    "c++":
      "A function is declared but its definition was not found when linking. Write its body, add the .cpp file that defines it, or check that declaration and definition have the same name and parameter types.",
    rust: "This type has no method with that name. Check the spelling and the type (`Vec` has `len()`, not `size()`); rustc's help line often suggests the right name.",
    java: "javac cannot find a method with this name and these argument types. Check the spelling, that the method is defined in this class (and `static` when called from `main`), and the types of the arguments.",
    php: "PHP has no function with this name. Check the spelling, and that the file defining it is loaded with `require` before the call.",
  },
  compile: {
    "*": "The compiler rejected the program. Fix the first error first: the later ones are often consequences of it.",
    rust: "Rust's ownership rules rejected this code: a value was used after being moved, or borrowed in conflicting ways. After `let b = a;` a `String` belongs to `b`; borrow with `&a` or copy with `a.clone()` if you need both.",
    java: "javac rejected the structure of this method. A method with a return type must return a value on every path, including after the last `if`: add a final `return` or an `else`.",
  },
  timeout: {
    "*": "Look for a loop whose condition never becomes false, or a recursion without an end; printing a counter inside the loop shows whether it makes progress. If it is only slow, look for work repeated inside a loop.",
    python:
      "Look for a `while` loop whose condition never becomes false: is the variable it tests changed inside the loop, and in the right direction? If it is only slow, look for work repeated inside a loop that could be done once.",
    bash: "Look for a `while` loop whose condition never changes, or a command waiting for input that never comes (such as `read` or `cat` without a file).",
    javascript:
      "Look for a loop whose condition never becomes false, or a timer or promise that keeps the program alive. If it is only slow, look for work repeated inside a loop.",
  },
  memory: {
    "*": "Look for a collection that keeps growing inside a loop, or one very large allocation; keep only what you need, or process the data in pieces.",
    python:
      "Look for a list or string that grows inside an endless loop, or one huge allocation such as `[0] * 10**12`; process data piece by piece (iterate, use generators) instead of keeping all of it.",
    java: "Look for a collection that keeps growing, such as adding to a list inside an endless loop; keep only what you need.",
    php: "Look for an array that grows without end, or a function that calls itself forever: PHP has no stack limit, so endless recursion uses up memory instead.",
    javascript:
      "Look for an array or string that keeps growing inside a loop that never ends; keep only what you need, or process the data in pieces.",
    go: "Look for a slice or map that keeps growing, or a function that calls itself without end: goroutine stacks grow until memory runs out, so endless recursion in Go often ends here rather than as a stack overflow.",
  },
  output_limit: {
    "*": "Usually a print inside a loop that never ends, or one that runs far more often than intended. Fix the loop's end condition, or print less (for example only the final result).",
  },
  process_limit: {
    "*": "Each running process and thread counts against the limit, which protects the machine from fork bombs. Start only what you need, and wait for each to finish before starting more.",
    bash: "Each `&` starts a background process that counts until it ends. Start fewer at once and `wait` for them before starting more.",
    python:
      "Each `subprocess.Popen` or `os.fork()` uses a process until it ends. Wait for each one (`p.wait()`, or use `subprocess.run`) before starting more.",
  },
  signal: {
    "*": "The program was stopped by a signal instead of exiting normally, which usually means it crashed. Look at the last thing it printed to see how far it got.",
  },
  exit_code: {
    "*": "The program ended with a non-zero exit code, which means failure, but printed no error this analysis recognises. Look at its last output and at the places where it exits with a non-zero code.",
  },
  // These continue the sentence in input-ran-out.ts that says how to give a program input.
  input: {
    "*": "A program can also notice the end of its input and stop politely instead of failing.",
    python:
      "Each `input()` call reads one line; at the end of the input it raises `EOFError`, which `try` / `except EOFError` can catch.",
    javascript:
      "readline ends at the end of the input: handle its `close` event, and check each line before using it (`if (line === undefined)`).",
    typescript:
      "readline ends at the end of the input: handle its `close` event, and check each line before using it (`if (line === undefined)`).",
    c: '`scanf` returns how many values it read: check it (`if (scanf("%d", &n) != 1)`) so the program notices missing input instead of using whatever was in the variable.',
    "c++":
      "Check the stream after reading (`if (!(std::cin >> n))`) so the program notices missing input instead of going on with an empty or zero value.",
    java: "`Scanner` throws at the end of the input and `BufferedReader.readLine()` returns `null`: check `hasNextLine()` / `hasNextInt()` (or the `null`) before using what you read.",
    ruby: "`gets` returns `nil` at the end of the input, and calling a method on it (`gets.chomp`) fails: check it first (`line = gets or break`).",
    go: "`fmt.Scan` returns an error at the end of the input: check it (`if _, err := fmt.Scan(&n); err != nil`) instead of going on with a zero value.",
    rust: "`read_line` returns `Ok(0)` at the end of the input and leaves the string empty, so parsing it fails: check the count it returns.",
    php: "`fgets(STDIN)` returns `false` at the end of the input: check it (`if (($line = fgets(STDIN)) === false)`) before using the line.",
    bash: "`read` fails at the end of the input and leaves the variable empty: check it (`if ! read -r name; then …`).",
  },
};

/** Kind-specific hints: "language:kind" or "*:kind". */
const BY_KIND: Record<string, string> = {
  // Python
  "python:IndentationError":
    "Python groups lines by indentation: the body of `def`, `if`, `for` and `while` must be indented more than the line that opens it, and the lines of one block must line up exactly. Indent with four spaces and do not mix tabs and spaces.",
  "python:TabError":
    "The file mixes tabs and spaces for indentation, which Python cannot compare. Re-indent the block with spaces only (four per level).",
  "python:UnboundLocalError":
    "Assigning to a name anywhere in a function makes it local to the whole function, so reading it before that assignment fails even when a global of that name exists. Pass the value in as a parameter, or declare `global name` if you really mean the global.",
  "python:KeyError":
    "The dictionary has no entry for this key. Check the key's spelling and type (`'1'` is not `1`), test with `if key in d`, or use `d.get(key, default)`.",
  "python:ValueError":
    'A function got a value of the right type but unusable content, such as `int("twelve")`. Check or clean the input (`.strip()`) before converting, or catch the error with `try` / `except ValueError`.',
  "python:EOFError":
    "`input()` reached the end of the input: the program asked for more lines than it was given. Type them in the Input box, one line per `input()` call.",
  "python:FileNotFoundError":
    "The file is not where the program looks. Relative paths start from the folder the program runs in, where your files are; check the name and that the file is part of the project.",
  "python:uncaught":
    "The program raised an exception that nothing caught. Read the last line of the traceback, find the deepest line in your own file, and fix the cause there, or catch the exception with `try` / `except` where you can handle it.",
  // JavaScript / TypeScript
  "javascript:uncaught":
    "The program threw an error that nothing caught. The first `at` line in your own file shows where; fix the cause there, or wrap the call in `try { … } catch (e) { … }` where you can handle it.",
  "typescript:uncaught":
    "The program threw an error that nothing caught. The first `at` line in your own file shows where; fix the cause there, or wrap the call in `try { … } catch (e) { … }` where you can handle it.",
  // Bash
  "bash:missing_file":
    "Bash tried to run a file that does not exist. Check the path; relative paths start from the folder the script runs in.",
  "bash:permission":
    "The file exists but may not be executed. Run a script with `bash file.sh` instead of `./file.sh`.",
  "bash:SIGSEGV":
    "Bash itself crashed, which almost always means a function calling itself without end until the stack ran out. Give the recursive function a condition that stops it, or use a loop.",
  // Ruby
  "ruby:uncaught":
    "The program raised an exception that nothing rescued. The first line names the file and line where it was raised; fix the cause there, or wrap the call in `begin` / `rescue` where you can handle it.",
  // Go
  "go:unused":
    "Go refuses to compile a variable or import that is never used. Use it, delete it, or assign it to `_` while you are still writing the code.",
  "go:deadlock":
    "Every goroutine is waiting, usually on a channel that nobody sends to or receives from. A send on an unbuffered channel blocks until another goroutine receives; close channels you `range` over, and wait for goroutines with `sync.WaitGroup`.",
  "go:panic":
    "The program panicked: it hit a condition it could not continue from. The first `main.` frame below `goroutine 1` is the line in your code; fix the cause there, or return an `error` instead of panicking.",
  // C / C++
  "*:no_main":
    "There is no `main` function, which is where a C or C++ program starts. Add `int main(void) { … }` (or `int main()` in C++) to the entry file.",
  "*:heap":
    "The memory allocator found its bookkeeping damaged: a pointer freed twice, freeing something not from `malloc`/`new`, or writing past the end of an allocated block. Set pointers to NULL after `free` and check array bounds.",
  "*:smash":
    "The program wrote past the end of a local array and overwrote the stack. Check loop bounds (`i < N`, not `<=`) and string copies: a string of N characters needs N + 1 bytes for its terminating `\\0`.",
  "c++:uncaught":
    "An exception was thrown and nothing caught it, so the program was terminated. Catch it with `try { … } catch (const std::exception& e) { … }` where you can handle it, or fix the condition that throws.",
  "c:SIGSEGV":
    "A segmentation fault means the program touched memory it does not own: a NULL or uninitialised pointer, an index past the end of an array, or very deep recursion. Check pointers before dereferencing them, and the bounds of every loop.",
  "c++:SIGSEGV":
    "A segmentation fault means the program touched memory it does not own: a null or dangling pointer, an index past the end of a vector (`[]` does not check), an `end()` iterator, or very deep recursion. Use `at()` while debugging; it checks the index.",
  "*:SIGSEGV":
    "The program touched memory it does not own and crashed. In native code this is a bad pointer or array index; deep recursion can cause it too.",
  "python:SIGSEGV":
    "The Python interpreter itself crashed, which plain Python code cannot cause: it comes from native code such as `ctypes` reading an invalid address, or from very deep recursion after raising the recursion limit.",
  "*:SIGABRT":
    "The program aborted itself, usually because a runtime check failed: an uncaught exception, a failed assertion, or corrupted memory detected by `free`.",
  "*:SIGILL":
    "The program hit an illegal instruction. With optimisation, compilers turn code that would always crash (such as dereferencing NULL or falling off the end of a non-void function) into a trap; look for undefined behaviour.",
  "*:SIGKILL":
    "The program was killed from outside without a limit being reported, for example when the sandbox's overall deadline passed. Run it again; if it recurs, it is using too much time or memory.",
  "*:SIGXFSZ":
    "The program wrote a file larger than the sandbox allows. Write less data, or print a summary instead of a large file.",
  "*:files":
    "Write fewer or smaller files into /box/out: for example draw several plots into one figure, or save only the final table. The files the run kept are listed under its output.",
  // Interactive runs
  "*:idle":
    "If it was waiting for input, type an answer in the terminal and press Enter (or put the input in the Input box before pressing Run); if it was busy without printing, it may be waiting for something that never comes.",
  "*:session":
    "A session may last this long at most, waiting for input included. Run the program again; if it needs many answers, put them in the Input box before pressing Run.",
  "*:SIGINT":
    "Ctrl-C in the terminal sends SIGINT, which stops a program that does not handle it. That is the way to stop a program stuck in a loop; Stop ends it at once.",
  "python:KeyboardInterrupt":
    "Ctrl-C in the terminal raises `KeyboardInterrupt` in a Python program, which stops it unless it is caught. That is the way to stop a program stuck in a loop; Stop ends it at once.",
  // Rust
  "rust:unwrap_err":
    '`unwrap()` found an `Err`: an operation failed, most often parsing input (`"abc".parse::<i32>()`) or opening a file. Handle the error with `match` or `?`, and `trim()` input first: `read_line` keeps the newline.',
  "rust:panic":
    "The program panicked at the line shown: it reached a state it could not continue from. Fix the cause there, or return a `Result` instead of panicking.",
  "rust:overflow":
    "An arithmetic result did not fit in its integer type. Use a wider type (`i64`, `u64`, `u128`) or the `checked_*` / `wrapping_*` methods.",
  // Java
  "java:class_symbol":
    "javac does not know this class. Classes outside `java.lang` must be imported (`import java.util.ArrayList;`), and your own classes must be spelt exactly as declared, capitals included.",
  "java:NumberFormatException":
    'The text could not be read as a number, as in `Integer.parseInt("abc")` or a number with spaces around it. `trim()` and check the input first, or catch `NumberFormatException`.',
  "java:NoSuchElementException":
    "A `Scanner` read past the end of the input: the program expects more input than it was given. Type it in the Input box, or check `hasNextInt()` / `hasNextLine()` before reading.",
  "java:InputMismatchException":
    "`Scanner` found input of the wrong kind, such as a word where `nextInt()` expected a number. Check what you typed in the Input box, or read lines and parse them yourself.",
  "java:main_class":
    "Java could not find the class with `main`. The entry file's public class must contain `public static void main(String[] args)`, and its name must match the file name.",
  "java:uncaught":
    "The program threw an exception that nothing caught. The first `at` line in your own class shows where; fix the cause there, or catch the exception with `try` / `catch` where you can handle it.",
  // PHP
  "php:undefined_constant":
    "PHP read a bare word as a constant that does not exist. Variables need their `$`, and text needs quotes.",
  "php:uncaught":
    "The program threw an exception that nothing caught. The error names the file and line where it was thrown; fix the cause there, or wrap the call in `try { … } catch (Exception $e) { … }`.",
};

/** Exception classes that mean "uncaught exception" hints when no specific hint exists. */
const UNCAUGHT_LANGUAGES = new Set(["python", "javascript", "typescript", "ruby", "java", "php"]);

export function hintFor(category: DebugCategory, language: string, kind?: string): string {
  if (kind) {
    const specific = BY_KIND[`${language}:${kind}`] ?? BY_KIND[`*:${kind}`];
    if (specific) return specific;
    if (category === "exit_code" && UNCAUGHT_LANGUAGES.has(language)) {
      const uncaught = BY_KIND[`${language}:uncaught`];
      if (uncaught) return uncaught;
    }
  }
  const table = BY_CATEGORY[category];
  return table[language] ?? table["*"];
}
