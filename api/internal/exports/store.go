package exports

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/borgeren-i-centrum/bic/api/internal/exports/format"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
)

// store streams rows straight from the database. It reads below GORM on
// purpose: scanning millions of rows into structs costs two thirds of the
// throughput (measured in docs/performance.md), and an export needs neither
// structs nor hooks, only text.
type store struct {
	db  *db.DB
	key string // pseudonym key, hex
}

// copyCSV runs the export as PostgreSQL's COPY … (FORMAT csv): the database
// writes the CSV and the server only passes it on. begin is called with the
// watermark before the first byte and returns where the bytes go.
func (s store) copyCSV(ctx context.Context, p plan, delimiter byte, begin func(Watermark) (io.Writer, error)) (int64, error) {
	var rows int64
	err := s.pgSnapshot(ctx, func(conn *pgx.Conn, wm Watermark) error {
		w, err := begin(wm)
		if err != nil {
			return err
		}
		q, _ := p.query(db.Postgres, s.key)
		tag, err := conn.PgConn().CopyTo(ctx, w, copyStatement(q, delimiter))
		if err != nil {
			return fmt.Errorf("copy %s: %w", p.dataset.Name, err)
		}
		rows = tag.RowsAffected()
		return nil
	})
	return rows, err
}

func copyStatement(query string, delimiter byte) string {
	return fmt.Sprintf("COPY (%s) TO STDOUT WITH (FORMAT csv, HEADER true, DELIMITER '%c')", query, delimiter)
}

// scan streams the rows as text cells, one row at a time.
func (s store) scan(ctx context.Context, p plan, begin func(Watermark) error, row func([]format.Cell) error) (int64, error) {
	if s.db.Dialect == db.SQLite {
		return s.scanSQLite(ctx, p, begin, row)
	}
	var n int64
	err := s.pgSnapshot(ctx, func(conn *pgx.Conn, wm Watermark) error {
		if err := begin(wm); err != nil {
			return err
		}
		q, _ := p.query(db.Postgres, s.key)
		// Text results, no parameters: the values arrive exactly as COPY
		// would print them, and nothing is decoded into Go types.
		rr := conn.PgConn().ExecParams(ctx, q, nil, nil, nil, nil)
		cells := make([]format.Cell, len(p.columns))
		for rr.NextRow() {
			for i, v := range rr.Values() {
				cells[i] = v
			}
			if err := row(cells); err != nil {
				_, _ = rr.Close()
				return err
			}
			n++
		}
		if _, err := rr.Close(); err != nil {
			return fmt.Errorf("read %s: %w", p.dataset.Name, err)
		}
		return nil
	})
	return n, err
}

// pgSnapshot runs fn in a read-only REPEATABLE READ transaction, so that the
// rows and the watermark come from one snapshot, with UTC times in ISO form
// and the pseudonym key set for this transaction only.
func (s store) pgSnapshot(ctx context.Context, fn func(*pgx.Conn, Watermark) error) error {
	pool, err := s.db.Reader()
	if err != nil {
		return err
	}
	c, err := pool.Conn(ctx)
	if err != nil {
		return fmt.Errorf("export connection: %w", err)
	}
	defer c.Close()
	return c.Raw(func(driverConn any) error {
		conn := driverConn.(*stdlib.Conn).Conn()
		tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
		if err != nil {
			return fmt.Errorf("begin export: %w", err)
		}
		defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
		if _, err := tx.Exec(ctx, "SET LOCAL TimeZone = 'UTC'"); err != nil {
			return fmt.Errorf("export time zone: %w", err)
		}
		if _, err := tx.Exec(ctx, "SET LOCAL DateStyle = 'ISO, YMD'"); err != nil {
			return fmt.Errorf("export date style: %w", err)
		}
		var snap string
		if err := tx.QueryRow(ctx, "SELECT set_config('bic.pseudonym_key', $1, true), pg_current_snapshot()::text", s.key).Scan(new(string), &snap); err != nil {
			return fmt.Errorf("export snapshot: %w", err)
		}
		if err := fn(conn, Watermark{postgres: true, snapshot: snap}); err != nil {
			return err
		}
		return tx.Commit(ctx)
	})
}

// scanSQLite reads from SQLite's read-only pool in one read transaction:
// under WAL its first read fixes the snapshot for the rest.
func (s store) scanSQLite(ctx context.Context, p plan, begin func(Watermark) error, row func([]format.Cell) error) (int64, error) {
	pool, err := s.db.Reader()
	if err != nil {
		return 0, err
	}
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("begin export: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	var wm Watermark
	err = tx.QueryRowContext(ctx, "SELECT (SELECT value FROM change_counter WHERE id = 1), (SELECT coalesce(max(rowid), 0) FROM audit_events)").
		Scan(&wm.seq, &wm.auditRow)
	if err != nil {
		return 0, fmt.Errorf("export watermark: %w", err)
	}
	if err := begin(wm); err != nil {
		return 0, err
	}
	q, args := p.query(db.SQLite, s.key)
	rs, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", p.dataset.Name, err)
	}
	defer rs.Close()
	vals := make([]any, len(p.columns))
	ptrs := make([]any, len(p.columns))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	cells := make([]format.Cell, len(p.columns))
	var buf []byte
	starts := make([]int, 0, len(vals)*2)
	var n int64
	for rs.Next() {
		if err := rs.Scan(ptrs...); err != nil {
			return n, fmt.Errorf("read %s: %w", p.dataset.Name, err)
		}
		buf, starts = buf[:0], starts[:0]
		for i, v := range vals {
			if v == nil {
				starts = append(starts, -1, -1)
				continue
			}
			start := len(buf)
			buf, err = appendText(buf, v, p.columns[i].Type)
			if err != nil {
				return n, fmt.Errorf("read %s.%s: %w", p.dataset.Name, p.columns[i].Name, err)
			}
			starts = append(starts, start, len(buf))
		}
		for i := range cells {
			if starts[2*i] < 0 {
				cells[i] = nil
			} else {
				cells[i] = buf[starts[2*i]:starts[2*i+1]:starts[2*i+1]]
			}
		}
		if err := row(cells); err != nil {
			return n, err
		}
		n++
	}
	if err := rs.Err(); err != nil {
		return n, fmt.Errorf("read %s: %w", p.dataset.Name, err)
	}
	return n, nil
}

// appendText writes a SQLite value in the text form PostgreSQL prints, so
// that files are the same whichever database the server runs on.
func appendText(b []byte, v any, t format.Type) ([]byte, error) {
	switch x := v.(type) {
	case int64:
		switch t {
		case format.Bool:
			return strconv.AppendBool(b, x != 0), nil
		case format.Decimal:
			return strconv.AppendFloat(b, float64(x), 'f', 1, 64), nil
		}
		return strconv.AppendInt(b, x, 10), nil
	case float64:
		if t == format.Int {
			return strconv.AppendInt(b, int64(x), 10), nil
		}
		return strconv.AppendFloat(b, x, 'f', 1, 64), nil
	case bool:
		return strconv.AppendBool(b, x), nil
	case time.Time:
		return appendTime(b, x, t), nil
	case []byte:
		return appendString(b, string(x), t)
	case string:
		return appendString(b, x, t)
	}
	return b, fmt.Errorf("unexpected %T", v)
}

func appendString(b []byte, s string, t format.Type) ([]byte, error) {
	switch t {
	case format.Timestamp, format.Date:
		tm, err := parseSQLiteTime(s)
		if err != nil {
			return b, err
		}
		return appendTime(b, tm, t), nil
	case format.Bool:
		return strconv.AppendBool(b, s == "1" || s == "true"), nil
	}
	return append(b, s...), nil
}

// appendTime prints like PostgreSQL with TimeZone UTC and DateStyle ISO:
// "2026-11-24 09:30:00.123456+00", trailing zeros of the fraction dropped.
func appendTime(b []byte, tm time.Time, t format.Type) []byte {
	if t == format.Date {
		return tm.AppendFormat(b, time.DateOnly)
	}
	b = tm.UTC().AppendFormat(b, "2006-01-02 15:04:05.999999")
	return append(b, "+00"...)
}

var sqliteTimeLayouts = []string{
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02T15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05",
	time.DateOnly,
}

func parseSQLiteTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range sqliteTimeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time", s)
}

// CopyStatement is what a pseudonymised, unfiltered CSV export of dataset
// runs on PostgreSQL: the session setup and the COPY. The benchmark runs the
// same through psql as the limit the export is measured against. The caller
// must also set the key: SET bic.pseudonym_key = '<secrets.Box.PseudonymKey>'.
func CopyStatement(dataset string) (setup []string, copy string, err error) {
	d, ok := Lookup(dataset)
	if !ok {
		return nil, "", fmt.Errorf("no dataset %q", dataset)
	}
	p := plan{dataset: d, columns: d.Visible(false)}
	q, _ := p.query(db.Postgres, "")
	return []string{"SET TimeZone = 'UTC'", "SET DateStyle = 'ISO, YMD'"}, copyStatement(q, ','), nil
}
