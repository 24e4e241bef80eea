package audit

import (
	"context"
	"errors"
	"fmt"
)

// Denial is a refusal (a NotFound for another team's case, say) that must
// still be audited. A use case returns it from inside its transaction, which
// then rolls back; RecordDenial writes the event afterwards, because a denial
// has no change to commit with and SQLite's single connection could not
// write beside the open transaction anyway.
type Denial struct {
	Event Event
	Err   error
}

func (d *Denial) Error() string { return d.Err.Error() }
func (d *Denial) Unwrap() error { return d.Err }

// RecordDenial audits err if it is (or wraps) a Denial, and returns err.
// Call it with a context outside the use case's transaction.
func (s *Service) RecordDenial(ctx context.Context, err error) error {
	var d *Denial
	if errors.As(err, &d) {
		if aerr := s.Record(ctx, d.Event); aerr != nil {
			return fmt.Errorf("audit denied access: %w", aerr)
		}
	}
	return err
}
