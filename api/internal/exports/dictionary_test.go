package exports_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/exports"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func TestTheDataDictionaryInDocsIsUpToDate(t *testing.T) {
	root, err := testkit.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, "docs", "data-dictionary.md"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != exports.Dictionary() {
		t.Fatal("docs/data-dictionary.md is stale: run 'make dictionary' and commit it")
	}
}

func TestEveryColumnIsDescribed(t *testing.T) {
	for _, d := range exports.Datasets {
		if d.Description == "" || d.Period == "" || d.Updated == "" {
			t.Errorf("%s: description, period and updated are required", d.Name)
		}
		seen := map[string]bool{}
		for _, c := range d.Columns {
			if c.Description == "" {
				t.Errorf("%s.%s has no description", d.Name, c.Name)
			}
			if seen[c.Name] {
				t.Errorf("%s.%s twice", d.Name, c.Name)
			}
			seen[c.Name] = true
		}
		if !seen[d.Period] && d.Period != "" {
			t.Errorf("%s: period column %s is not a column", d.Name, d.Period)
		}
	}
}
