use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace().map(|t| t.parse::<u64>().unwrap());
    let n = tokens.next().unwrap() as usize;
    let capacity = tokens.next().unwrap() as usize;
    // best[c]: largest value with total weight <= c
    let mut best = vec![0u64; capacity + 1];
    for _ in 0..n {
        let w = tokens.next().unwrap() as usize;
        let v = tokens.next().unwrap();
        if w > capacity {
            continue;
        }
        for c in (w..=capacity).rev() {
            best[c] = best[c].max(best[c - w] + v);
        }
    }
    println!("{}", best[capacity]);
}
