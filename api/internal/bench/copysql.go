package bench

import (
	"fmt"

	"github.com/borgeren-i-centrum/bic/api/internal/exports"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/secrets"
)

// copyStatements are the statements psql runs as the limit of a dataset's
// export: exactly what the server's pseudonymised, unfiltered CSV export
// runs (exports.CopyStatement), with the pseudonym key the server derives
// from the same encryption key. The key goes into a SET, never into the
// statement's text.
func (e *Env) copyStatements(dataset string) ([]string, error) {
	setup, copy, err := exports.CopyStatement(dataset)
	if err != nil {
		return nil, fmt.Errorf("the COPY of %s: %w", dataset, err)
	}
	box, err := secrets.New(e.EncryptionKey)
	if err != nil {
		return nil, err
	}
	stmts := []string{"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
		fmt.Sprintf("SET LOCAL bic.pseudonym_key = '%s'", box.PseudonymKey())}
	stmts = append(stmts, setup...)
	return append(stmts, copy, "COMMIT"), nil
}
