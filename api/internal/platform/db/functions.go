package db

import (
	"database/sql/driver"
	"fmt"
	"sync"

	sqlite "github.com/glebarez/go-sqlite"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/secrets"
)

var sqliteFunctions sync.Once

// registerSQLiteFunctions gives SQLite the SQL functions PostgreSQL gets from
// its migrations. The driver registers functions for every connection opened
// afterwards, process-wide, so it happens once and takes the key as an
// argument rather than holding one.
func registerSQLiteFunctions() {
	sqliteFunctions.Do(func() {
		// bic_pseudonym(key, kind, id): the same keyed pseudonym as
		// PostgreSQL's bic_pseudonym(kind, id) with bic.pseudonym_key set.
		sqlite.MustRegisterDeterministicScalarFunction("bic_pseudonym", 3,
			func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
				if args[2] == nil {
					return nil, nil
				}
				key, ok1 := args[0].(string)
				kind, ok2 := args[1].(string)
				if !ok1 || !ok2 {
					return nil, fmt.Errorf("bic_pseudonym: key and kind must be text")
				}
				var id string
				switch v := args[2].(type) {
				case string:
					id = v
				case []byte:
					id = string(v)
				default:
					return nil, fmt.Errorf("bic_pseudonym: id must be text")
				}
				return secrets.Pseudonym(key, kind, id), nil
			})
	})
}
