import { execute } from "./lib/sandbox/execute";

const progs = [
  'fn depth(n: u64) -> u64 {\n    if depth(n + 1) > 5 { 1 } else { 2 }\n}\n\nfn main() {\n    println!("{}", depth(0));\n}\n',
  'fn depth(n: u64) -> u64 {\n    let local = [n; 64];\n    let x = unsafe { std::ptr::read_volatile(&local[(n % 64) as usize]) };\n    x ^ depth(n + 1).rotate_left(3)\n}\n\nfn main() {\n    println!("{}", depth(0));\n}\n',
];
const rs = await Promise.all(progs.map((p) => execute({ language: "rust", files: [{ name: "main.rs", content: p }] })));
for (const r of rs) console.log(r.status, JSON.stringify(r.compile?.stderr.slice(0, 300)), JSON.stringify(r.run));
process.exit(0);
