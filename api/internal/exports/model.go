// Package exports streams the analysts' datasets (cases, goals, progress,
// follow-ups, checklist answers, meetings, FIT scores and the audit trail) as
// CSV, NDJSON, XLSX or Parquet. Exports are pseudonymised by default, can be
// pulled incrementally with a watermark that neither loses nor repeats a row,
// and read straight from the database without holding rows in memory: on
// PostgreSQL a pseudonymised CSV export is PostgreSQL's own COPY output.
//
// The dataset definitions in datasets.go are the single source of the
// columns: the SQL, the file headers, GET /exports and the data dictionary in
// docs/ are all made from them.
package exports

import (
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/exports/format"
)

// Column is one exported column.
type Column struct {
	Name        string
	Type        format.Type
	Description string
	// Identifying columns (names, CPR, ids that lead back to the case, free
	// text) appear only in an identifiable export.
	Identifying bool
	// pg and lite are the SQL expressions; lite defaults to pg.
	pg, lite string
	// pseudonym of this kind ('case', 'goal', …) of the id expression pg.
	pseudonym string
	// sealedCPR marks the CPR column: the database holds it encrypted and the
	// server opens it while streaming.
	sealedCPR bool
}

// Dataset is one exportable table.
type Dataset struct {
	Name        string
	Description string
	// Period names what from/to filter on; Updated what a time given as
	// updated_since compares with.
	Period, Updated string
	Columns         []Column
	// AdminOnly datasets (the audit trail) are for administrators and for
	// service accounts with the audit:read scope.
	AdminOnly bool

	from       string // FROM and JOINs
	teamCol    string // the owning team, for the team filter and reach
	caseIDCol  string // the case, for the audit of identifiable exports
	periodCol  string
	periodDate bool // periodCol is a DATE, not a timestamp
	updatedCol string
	changePG   []string // xid8 columns of the rows' last writes
	changeLite []string // change_seq columns (or rowid for append-only tables)
}

// Request is one export.
type Request struct {
	Dataset string
	Format  format.Format
	Options format.Options
	TeamID  *uuid.UUID
	From    *time.Time // calendar dates in the municipality's zone
	To      *time.Time
	// Since is a watermark from an earlier pull, or SinceTime a time.
	Since     *Watermark
	SinceTime *time.Time
	// Identifiable exports need a role or scope that allows them and a purpose.
	Identifiable bool
	Purpose      string
}

// Result says what an export wrote.
type Result struct {
	Rows      int64
	Watermark Watermark
}
