use std::fmt::Write as _;
use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let n: u32 = input.trim().parse().unwrap();
    let mut out = String::new();
    for i in 1..=n {
        match (i % 3, i % 5) {
            (0, 0) => out.push_str("FizzBuzz\n"),
            (0, _) => out.push_str("Fizz\n"),
            (_, 0) => out.push_str("Buzz\n"),
            _ => writeln!(out, "{}", i).unwrap(),
        }
    }
    io::stdout().write_all(out.as_bytes()).unwrap();
}
