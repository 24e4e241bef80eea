// Command bic is the Borgeren i centrum server.
//
//	bic serve     start the HTTP server (default)
//	bic migrate   apply database migrations and exit
//
// Configuration comes from BIC_* environment variables; see README.md.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.LookupEnv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bic:", err)
		os.Exit(1)
	}
}
