// Command dictionary writes the exports' data dictionary (Markdown) from the
// dataset definitions: go run ./api/tools/dictionary -out docs/data-dictionary.md
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/borgeren-i-centrum/bic/api/internal/exports"
)

func main() {
	out := flag.String("out", "docs/data-dictionary.md", "file to write")
	flag.Parse()
	if err := os.WriteFile(*out, []byte(exports.Dictionary()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "dictionary:", err)
		os.Exit(1)
	}
}
