package format

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	pqformat "github.com/parquet-go/parquet-go/format"
)

// parquetFile is a file read back with parquet-go.
type parquetFile struct {
	file   *parquet.File
	schema string
	rows   []parquet.Row
}

func readParquet(t *testing.T, b []byte) parquetFile {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a Parquet file: %v", err)
	}
	var schema strings.Builder
	if err := parquet.PrintSchema(&schema, "export", f.Schema()); err != nil {
		t.Fatal(err)
	}
	out := parquetFile{file: f, schema: schema.String()}
	for _, rg := range f.RowGroups() {
		rows := rg.Rows()
		buf := make([]parquet.Row, 16)
		for {
			n, err := rows.ReadRows(buf)
			for _, r := range buf[:n] {
				out.rows = append(out.rows, r.Clone())
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		rows.Close()
	}
	return out
}

func writeParquet(t *testing.T, cols []Column, groupRows int, rows ...[]Cell) []byte {
	t.Helper()
	var out bytes.Buffer
	w, err := newParquet(&out, cols, groupRows)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.WriteRow(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

var allTypes = []Column{
	{"tekst, med komma", String}, {"id", Int}, {"beløb", Decimal}, {"aktiv", Bool},
	{"dag", Date}, {"tid", Timestamp}, {"uuid", UUID},
}

// TestParquetSchema: columns keep their order and names (parquet.Group would
// sort them) and get the promised physical and logical types.
func TestParquetSchema(t *testing.T) {
	f := readParquet(t, writeParquet(t, allTypes, rowGroupRows))
	want := `message export {
	optional binary tekst, med komma (STRING);
	optional int64 id (INT(64,true));
	optional double beløb;
	optional boolean aktiv;
	optional int32 dag (DATE);
	optional int64 tid (TIMESTAMP(isAdjustedToUTC=true,unit=MICROS));
	optional binary uuid (STRING);
}`
	if strings.TrimSpace(f.schema) != want {
		t.Errorf("schema:\n%s\nwant:\n%s", f.schema, want)
	}
	for _, rg := range f.file.Metadata().RowGroups {
		for _, c := range rg.Columns {
			if c.MetaData.Codec != pqformat.Snappy {
				t.Errorf("column %v is compressed with %v, want snappy", c.MetaData.PathInSchema, c.MetaData.Codec)
			}
		}
	}
}

func TestParquetDuplicateColumnNamesAreRefused(t *testing.T) {
	if _, err := NewParquet(io.Discard, []Column{{"a", String}, {"a", Int}}); err == nil {
		t.Fatal("want an error")
	}
}

func TestParquetValues(t *testing.T) {
	micros := func(s string) int64 {
		tm, err := time.Parse("2006-01-02 15:04:05.999999-07", s)
		if err != nil {
			t.Fatal(err)
		}
		return tm.UnixMicro()
	}
	type want struct {
		null bool
		v    any // string, int64, float64, bool, int32
	}
	tests := []struct {
		name string
		row  []Cell
		want []want
	}{
		{"typed values",
			cells("Søren", "-42", "6.4", "t", "2026-11-24", "2026-11-24 10:00:00.123456+00", "7c9e6679-7425-40de-944b-e07fc1f90ae7"),
			[]want{{v: "Søren"}, {v: int64(-42)}, {v: 6.4}, {v: true}, {v: int32(20781)},
				{v: micros("2026-11-24 10:00:00.123456+00")}, {v: "7c9e6679-7425-40de-944b-e07fc1f90ae7"}}},
		{"NULL in every type",
			cells(nil, nil, nil, nil, nil, nil, nil),
			[]want{{null: true}, {null: true}, {null: true}, {null: true}, {null: true}, {null: true}, {null: true}}},
		{"empty string is not NULL",
			cells("", "0", "0", "false", "1970-01-01", "1970-01-01 00:00:00+00", ""),
			[]want{{v: ""}, {v: int64(0)}, {v: 0.0}, {v: false}, {v: int32(0)}, {v: int64(0)}, {v: ""}}},
		{"extremes",
			cells("x", "-9223372036854775808", "1e+300", "f", "0044-03-15 BC", "1969-12-31 23:59:59.999999+00", "x"),
			[]want{{v: "x"}, {v: int64(math.MinInt64)}, {v: 1e300}, {v: false}, {v: int32(daysFromCivil(-43, 3, 15))}, {v: int64(-1)}, {v: "x"}}},
		{"infinities become PostgreSQL's own sentinels",
			cells("x", "1", "-Infinity", "t", "infinity", "-infinity", "x"),
			[]want{{v: "x"}, {v: int64(1)}, {v: math.Inf(-1)}, {v: true}, {v: int32(math.MaxInt32)}, {v: int64(math.MinInt64)}, {v: "x"}}},
		{"offsets are applied",
			cells("x", "1", "1e-400", "t", "2026-11-24", "2026-11-24 10:00:00+05:30", "x"),
			[]want{{v: "x"}, {v: int64(1)}, {v: 0.0}, {v: true}, {v: int32(20781)}, {v: micros("2026-11-24 04:30:00+00")}, {v: "x"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := readParquet(t, writeParquet(t, allTypes, rowGroupRows, tt.row))
			if len(f.rows) != 1 {
				t.Fatalf("%d rows", len(f.rows))
			}
			for i, v := range f.rows[0] {
				w := tt.want[i]
				if v.IsNull() != w.null {
					t.Errorf("column %d: null = %v, want %v", i, v.IsNull(), w.null)
					continue
				}
				if w.null {
					continue
				}
				var got any
				switch w.v.(type) {
				case string:
					got = string(v.ByteArray())
				case int64:
					got = v.Int64()
				case int32:
					got = v.Int32()
				case float64:
					got = v.Double()
				case bool:
					got = v.Boolean()
				}
				if got != w.v {
					t.Errorf("column %d (%s) = %v, want %v", i, allTypes[i].Name, got, w.v)
				}
			}
		})
	}
}

func TestParquetStrings(t *testing.T) {
	cols := []Column{{"n", Int}, {"s", String}, {"u", UUID}}
	var rows [][]Cell
	for i, s := range tricky {
		rows = append(rows, cells(strconv.Itoa(i), s, s))
	}
	f := readParquet(t, writeParquet(t, cols, rowGroupRows, rows...))
	for i, r := range f.rows {
		want := perByteValid(tricky[i]) // the String type promises UTF-8
		if r[0].Int64() != int64(i) || string(r[1].ByteArray()) != want || string(r[2].ByteArray()) != want {
			t.Errorf("row %d = %v, want %q", i, r, want)
		}
	}
}

// TestParquetRowGroups: a row group is flushed every N rows, so memory stays
// flat; rows come back in order across groups and batches although the
// caller reuses its cell buffers for every row.
func TestParquetRowGroups(t *testing.T) {
	var out bytes.Buffer
	w, err := newParquet(&out, realisticCols, 300)
	if err != nil {
		t.Fatal(err)
	}
	src := newRowSource() // reuses its buffers, as a database driver does
	const n = 1000
	for i := range n {
		if err := w.WriteRow(src.next(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f := readParquet(t, out.Bytes())
	if n := len(f.file.RowGroups()); n != 4 {
		t.Errorf("%d row groups, want 4 (3 × 300 + 100)", n)
	}
	if len(f.rows) != n {
		t.Fatalf("%d rows, want %d", len(f.rows), n)
	}
	for i, r := range f.rows {
		want := src.next(i)
		for j, v := range r {
			switch {
			case v.IsNull() != (want[j] == nil):
				t.Fatalf("row %d column %d: null = %v", i, j, v.IsNull())
			case realisticCols[j].Type == String && string(v.ByteArray()) != string(want[j]):
				t.Fatalf("row %d column %d = %q, want %q", i, j, v.ByteArray(), want[j])
			}
		}
		if got := r[0].Int64(); got != int64(1_000_000+i) {
			t.Fatalf("row %d has id %d", i, got)
		}
	}
}
