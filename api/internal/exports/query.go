package exports

import (
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/exports/format"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
)

// plan is a resolved export: which columns, which rows.
type plan struct {
	dataset      Dataset
	columns      []Column
	teams        []uuid.UUID // nil: every team
	from, to     *time.Time  // instants for timestamps, days for dates
	fromDay      string      // YYYY-MM-DD, for DATE columns
	toDay        string      // inclusive
	since        *Watermark
	sinceTime    *time.Time
	identifiable bool
}

// formatColumns are the file's columns.
func (p plan) formatColumns() []format.Column {
	out := make([]format.Column, len(p.columns))
	for i, c := range p.columns {
		out[i] = format.Column{Name: c.Name, Type: c.Type}
	}
	return out
}

// query builds the SELECT. On PostgreSQL every value is written into the text
// as a literal, because the same statement must run inside COPY, which takes
// no parameters; only values the server itself formats go in (UUIDs, times,
// and a watermark checked digit by digit), never a caller's text. On SQLite
// the values are parameters and the pseudonym key (hex) is a literal.
func (p plan) query(d db.Dialect, pseudonymKey string) (string, []any) {
	var b strings.Builder
	var args []any
	lit := func(v any) string {
		if d == db.SQLite {
			args = append(args, v)
			return "?"
		}
		switch x := v.(type) {
		case time.Time:
			return "'" + x.UTC().Format("2006-01-02 15:04:05.999999") + "+00'::timestamptz"
		case string: // a day
			return "'" + x + "'::date"
		case uuid.UUID:
			return "'" + x.String() + "'::uuid"
		}
		panic(fmt.Sprintf("exports: no literal for %T", v))
	}
	b.WriteString("SELECT ")
	for i, c := range p.columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.expr(d, pseudonymKey))
		b.WriteString(" AS ")
		b.WriteString(c.Name)
	}
	b.WriteString(" FROM ")
	b.WriteString(p.dataset.from)
	var where []string
	if p.teams != nil {
		if len(p.teams) == 0 {
			where = append(where, "FALSE")
		} else {
			ids := make([]string, len(p.teams))
			for i, t := range p.teams {
				if d == db.SQLite {
					ids[i] = lit(t.String())
				} else {
					ids[i] = lit(t)
				}
			}
			where = append(where, p.dataset.teamCol+" IN ("+strings.Join(ids, ", ")+")")
		}
	}
	if p.dataset.periodDate {
		if p.fromDay != "" {
			where = append(where, p.dataset.periodCol+" >= "+lit(p.fromDay))
		}
		if p.toDay != "" {
			where = append(where, p.dataset.periodCol+" <= "+lit(p.toDay))
		}
	} else {
		if p.from != nil {
			where = append(where, p.dataset.periodCol+" >= "+lit(*p.from))
		}
		if p.to != nil {
			where = append(where, p.dataset.periodCol+" < "+lit(*p.to))
		}
	}
	if p.sinceTime != nil {
		where = append(where, p.dataset.updatedCol+" >= "+lit(*p.sinceTime))
	}
	if p.since != nil {
		var changed []string
		if d == db.SQLite {
			for _, c := range p.dataset.changeLite {
				bound := p.since.seq
				if strings.HasSuffix(c, ".rowid") {
					bound = p.since.auditRow
				}
				args = append(args, bound)
				changed = append(changed, c+" > ?")
			}
		} else {
			// Rows whose writer the earlier snapshot did not see. Every
			// transaction below the snapshot's xmin had ended, so the first
			// condition lets the index skip the rows seen long ago.
			s := "'" + p.since.snapshot + "'::pg_snapshot"
			for _, c := range p.dataset.changePG {
				changed = append(changed, fmt.Sprintf("(%s >= pg_snapshot_xmin(%s) AND NOT pg_visible_in_snapshot(%s, %s))", c, s, c, s))
			}
		}
		where = append(where, "("+strings.Join(changed, " OR ")+")")
	}
	if len(where) > 0 {
		b.WriteString(" WHERE ")
		b.WriteString(strings.Join(where, " AND "))
	}
	return b.String(), args
}

// expr is the column's SQL in dialect d.
func (c Column) expr(d db.Dialect, pseudonymKey string) string {
	e := c.pg
	if d == db.SQLite && c.lite != "" {
		e = c.lite
	}
	if c.pseudonym != "" {
		if d == db.SQLite {
			return fmt.Sprintf("bic_pseudonym('%s', '%s', %s)", pseudonymKey, c.pseudonym, e)
		}
		return fmt.Sprintf("bic_pseudonym('%s', %s)", c.pseudonym, e)
	}
	if d == db.Postgres && c.Type == format.Bool {
		// PostgreSQL's text form of a boolean is t/f; the files say true/false.
		return "(" + e + ")::text"
	}
	return e
}
