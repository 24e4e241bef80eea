// Command bicbench is `make bench`: it generates a synthetic municipality,
// starts the real server on it and measures exports and the case endpoints
// against their targets. See docs/performance.md.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/borgeren-i-centrum/bic/api/internal/bench"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := bench.Main(ctx, os.Args[1:], os.LookupEnv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bicbench:", err)
		os.Exit(1)
	}
}
