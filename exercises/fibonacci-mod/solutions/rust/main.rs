use std::io;

const MOD: u64 = 1_000_000_007;

fn main() {
    let mut line = String::new();
    io::stdin().read_line(&mut line).unwrap();
    let n: u64 = line.trim().parse().unwrap();
    let (mut a, mut b) = (0u64, 1u64); // F(i), F(i + 1)
    for _ in 0..n {
        let next = (a + b) % MOD;
        a = b;
        b = next;
    }
    println!("{}", a);
}
