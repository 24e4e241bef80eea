// Package format writes tabular rows to an io.Writer as CSV, NDJSON, XLSX or
// Parquet. It knows nothing about the database: rows arrive as the text
// PostgreSQL prints for each value (session TimeZone=UTC, DateStyle=ISO), and
// a Column's Type says how to interpret that text.
//
// Every writer streams with memory bounded by one row (one row group for
// Parquet), because exports run to millions of rows; the per-row paths append
// into reused buffers and avoid reflection and per-value allocations, because
// they sit in a loop whose budget is a fraction of PostgreSQL's own COPY.
//
// Error contract: constructors reject bad options and column lists; WriteRow
// rejects a row with the wrong number of cells or a value that is malformed for
// its column's Type (naming the row and column, never the value, since values
// may be personal data). After an error from the underlying io.Writer the
// output is unusable and the caller should abandon it. Close finishes the file
// but never closes the underlying io.Writer.
package format

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"sort"
	"strconv"
	"strings"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Type says how a column's text values are interpreted.
type Type int

const (
	String    Type = iota // any text
	Int                   // "-42"; must fit in int64
	Decimal               // "6.4", "1e+100", "NaN", "Infinity", "-Infinity"
	Bool                  // "t"/"f" (PostgreSQL's text output) or "true"/"false"
	Date                  // "2026-11-24", also "0044-03-15 BC" and "infinity"
	Timestamp             // "2026-11-24 10:00:00.123456+00"; fraction optional
	UUID                  // text; written as a string everywhere
)

var typeNames = [...]string{"string", "int", "decimal", "bool", "date", "timestamp", "uuid"}

func (t Type) String() string {
	if t < 0 || int(t) >= len(typeNames) {
		return "Type(" + strconv.Itoa(int(t)) + ")"
	}
	return typeNames[t]
}

func (t Type) valid() bool { return t >= String && t <= UUID }

// Column names and types one output column.
type Column struct {
	Name string
	Type Type
}

// Cell is one value as PostgreSQL's text output prints it. A nil Cell is SQL
// NULL; an empty non-nil Cell is the empty string.
type Cell = []byte

// Writer writes rows in one format.
type Writer interface {
	// WriteRow writes one row; len(cells) must equal the number of columns.
	// The writer does not keep cells (or the slices in it) after returning, so
	// the caller may reuse its buffers. It returns an error for a malformed
	// value; the row is then not written.
	WriteRow(cells []Cell) error
	// Close finishes the file (footer, zip central directory, …) and flushes
	// it. It does not close the underlying io.Writer.
	Close() error
}

// Options tunes the writers that have something to tune.
type Options struct {
	Delimiter byte   // CSV: ',' (default) or ';' (what Danish Excel expects)
	BOM       bool   // CSV: start with a UTF-8 BOM so Excel detects UTF-8
	SheetName string // XLSX: name of the first sheet; default "Data"
}

// Format is one of the supported export formats.
type Format int

const (
	CSV Format = iota
	NDJSON
	XLSX
	Parquet
)

type formatInfo struct {
	name        string
	contentType string
	extension   string
	aliases     []string // further media types accepted in Accept headers
}

var formats = [...]formatInfo{
	CSV:     {"csv", "text/csv", ".csv", nil},
	NDJSON:  {"ndjson", "application/x-ndjson", ".ndjson", []string{"application/jsonl", "application/ndjson"}},
	XLSX:    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", nil},
	Parquet: {"parquet", "application/vnd.apache.parquet", ".parquet", []string{"application/x-parquet"}},
}

func (f Format) info() formatInfo {
	if f < 0 || int(f) >= len(formats) {
		return formatInfo{name: "Format(" + strconv.Itoa(int(f)) + ")", contentType: "application/octet-stream"}
	}
	return formats[f]
}

// String returns the format's query-parameter name ("csv", "ndjson", …).
func (f Format) String() string { return f.info().name }

// ContentType returns the value for the Content-Type response header. CSV and
// NDJSON say charset=utf-8 because both are text and Excel guesses otherwise.
func (f Format) ContentType() string {
	if f == CSV || f == NDJSON {
		return f.info().contentType + "; charset=utf-8"
	}
	return f.info().contentType
}

// Extension returns the file-name extension, with the dot (".csv").
func (f Format) Extension() string { return f.info().extension }

// Parse reads a format= query value. Case and surrounding space are ignored;
// an empty value means CSV; an unknown one is a BadRequest error.
func Parse(value string) (Format, error) {
	v := strings.ToLower(strings.TrimSpace(value))
	if v == "" {
		return CSV, nil
	}
	for f, info := range formats {
		if v == info.name {
			return Format(f), nil
		}
	}
	return 0, errs.New(errs.BadRequest, "unknown export format; use csv, ndjson, xlsx or parquet")
}

// FromAccept picks a format from an Accept header: the acceptable media type
// with the highest q that we support (earlier wins on ties). A missing header,
// "*/*" and "text/*" mean CSV; a header naming none we support is a
// NotAcceptable (406) error.
func FromAccept(accept string) (Format, error) {
	if strings.TrimSpace(accept) == "" {
		return CSV, nil
	}
	type candidate struct {
		f   Format
		q   float64
		pos int
	}
	var found []candidate
	for pos, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue // one malformed range must not spoil the others
		}
		q := 1.0
		if s, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(s, 64); err != nil {
				continue
			}
		}
		if q <= 0 {
			continue // q=0 means "not acceptable"
		}
		if f, ok := formatForMediaType(mt); ok {
			found = append(found, candidate{f, q, pos})
		}
	}
	if len(found) == 0 {
		return 0, errs.New(errs.NotAcceptable, "no supported export format in Accept; use text/csv, application/x-ndjson, "+formats[XLSX].contentType+" or "+formats[Parquet].contentType)
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].q > found[j].q })
	return found[0].f, nil
}

func formatForMediaType(mt string) (Format, bool) {
	switch mt {
	case "*/*", "text/*":
		return CSV, true
	}
	for f, info := range formats {
		if mt == info.contentType {
			return Format(f), true
		}
		for _, alias := range info.aliases {
			if mt == alias {
				return Format(f), true
			}
		}
	}
	return 0, false
}

// New returns the writer for f.
func New(f Format, w io.Writer, cols []Column, o Options) (Writer, error) {
	switch f {
	case CSV:
		return NewCSV(w, cols, o)
	case NDJSON:
		return NewNDJSON(w, cols)
	case XLSX:
		return NewXLSX(w, cols, o)
	case Parquet:
		return NewParquet(w, cols)
	}
	return nil, fmt.Errorf("format: unknown format %d", int(f))
}

// checkColumns is the constructors' shared validation.
func checkColumns(cols []Column) error {
	if len(cols) == 0 {
		return errors.New("format: no columns")
	}
	for i, c := range cols {
		if !c.Type.valid() {
			return fmt.Errorf("format: column %d (%q): unknown type %d", i, c.Name, int(c.Type))
		}
	}
	return nil
}

// errClosed is returned by WriteRow and Close after Close.
var errClosed = errors.New("format: writer is closed")

// rowCountError reports a row whose length does not match the columns.
func rowCountError(row int64, got, want int) error {
	return fmt.Errorf("format: row %d: %d cells for %d columns", row, got, want)
}

// valueError reports a malformed value. It names the row and column but not
// the value: values may be personal data and errors end up in logs.
func valueError(row int64, c Column, what string) error {
	return fmt.Errorf("format: row %d, column %q (%s): %s", row, c.Name, c.Type, what)
}
