package db

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar date stored as DATE in PostgreSQL and as 'YYYY-MM-DD'
// text in SQLite; both drivers hand it back in different shapes.
type Date struct {
	Time  time.Time
	Valid bool
}

// NewDate wraps t (time of day ignored).
func NewDate(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Valid: true}
}

// Scan implements sql.Scanner.
func (d *Date) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*d = Date{}
	case time.Time:
		*d = NewDate(x)
	case string:
		return d.parse(x)
	case []byte:
		return d.parse(string(x))
	default:
		return fmt.Errorf("db.Date: cannot scan %T", v)
	}
	return nil
}

func (d *Date) parse(s string) error {
	if len(s) >= 10 {
		s = s[:10]
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("db.Date: %w", err)
	}
	*d = NewDate(t)
	return nil
}

// Value implements driver.Valuer.
func (d Date) Value() (driver.Value, error) {
	if !d.Valid {
		return nil, nil
	}
	return d.Time.Format(time.DateOnly), nil
}

// JSON stores any JSON-encodable value in a jsonb (PostgreSQL) or TEXT
// (SQLite) column.
type JSON[T any] struct{ V T }

// Scan implements sql.Scanner.
func (j *JSON[T]) Scan(v any) error {
	var b []byte
	switch x := v.(type) {
	case nil:
		var zero T
		j.V = zero
		return nil
	case string:
		b = []byte(x)
	case []byte:
		b = x
	default:
		return fmt.Errorf("db.JSON: cannot scan %T", v)
	}
	return json.Unmarshal(b, &j.V)
}

// Value implements driver.Valuer. It returns a string so that pgx sends it as
// text, which PostgreSQL casts to jsonb.
func (j JSON[T]) Value() (driver.Value, error) {
	b, err := json.Marshal(j.V)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}
