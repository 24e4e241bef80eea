package db

import (
	"context"
	"sync/atomic"

	"gorm.io/gorm"
)

type counterKey struct{}

// WithStatementCounter returns a context whose database statements are
// counted into n. Tests use it to prove a list page costs a fixed number of
// statements, not one per row.
func WithStatementCounter(ctx context.Context, n *atomic.Int64) context.Context {
	return context.WithValue(ctx, counterKey{}, n)
}

func registerCounter(g *gorm.DB) error {
	count := func(tx *gorm.DB) {
		if tx.Statement == nil || tx.Statement.Context == nil {
			return
		}
		if n, ok := tx.Statement.Context.Value(counterKey{}).(*atomic.Int64); ok {
			n.Add(1)
		}
	}
	cb := g.Callback()
	for _, err := range []error{
		cb.Query().After("gorm:query").Register("bic:count_query", count),
		cb.Create().After("gorm:create").Register("bic:count_create", count),
		cb.Update().After("gorm:update").Register("bic:count_update", count),
		cb.Delete().After("gorm:delete").Register("bic:count_delete", count),
		cb.Row().After("gorm:row").Register("bic:count_row", count),
		cb.Raw().After("gorm:raw").Register("bic:count_raw", count),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}
