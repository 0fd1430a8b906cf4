use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let mut numbers: Vec<i64> = tokens.take(n).map(|t| t.parse().unwrap()).collect();
    numbers.sort_unstable();
    let text: Vec<String> = numbers.iter().map(|x| x.to_string()).collect();
    println!("{}", text.join(" "));
}
