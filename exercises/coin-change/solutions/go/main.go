package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var n, amount int
	fmt.Fscan(in, &n, &amount)
	coins := make([]int, n)
	for i := range coins {
		fmt.Fscan(in, &coins[i])
	}
	inf := amount + 1 // more coins than any real answer needs
	best := make([]int, amount+1)
	for x := 1; x <= amount; x++ {
		best[x] = inf
		for _, c := range coins {
			if c <= x && best[x-c]+1 < best[x] {
				best[x] = best[x-c] + 1
			}
		}
	}
	if best[amount] == inf {
		fmt.Println(-1)
	} else {
		fmt.Println(best[amount])
	}
}
