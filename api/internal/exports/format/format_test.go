package format

import (
	"bytes"
	"strings"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, value string
		want        Format
		wantErr     bool
	}{
		{"missing value means CSV", "", CSV, false},
		{"csv", "csv", CSV, false},
		{"ndjson", "ndjson", NDJSON, false},
		{"xlsx", "xlsx", XLSX, false},
		{"parquet", "parquet", Parquet, false},
		{"case and space are ignored", " XLSX ", XLSX, false},
		{"unknown value is refused", "pdf", 0, true},
		{"a media type is not a format= value", "text/csv", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.value)
			if tt.wantErr {
				if !errs.Is(err, errs.BadRequest) {
					t.Fatalf("Parse(%q) error = %v, want a bad-request error", tt.value, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Parse(%q) = %v, %v; want %v", tt.value, got, err, tt.want)
			}
		})
	}
}

func TestFromAccept(t *testing.T) {
	const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	tests := []struct {
		name, accept string
		want         Format
		wantErr      bool
	}{
		{"missing header means CSV", "", CSV, false},
		{"anything means CSV", "*/*", CSV, false},
		{"browser default means CSV", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", CSV, false},
		{"text/csv", "text/csv", CSV, false},
		{"text/csv with charset", "text/csv; charset=utf-8", CSV, false},
		{"ndjson", "application/x-ndjson", NDJSON, false},
		{"jsonl alias", "application/jsonl", NDJSON, false},
		{"xlsx", xlsxType, XLSX, false},
		{"parquet", "application/vnd.apache.parquet", Parquet, false},
		{"x-parquet alias", "application/x-parquet", Parquet, false},
		{"media type case is ignored", "Application/Vnd.Apache.Parquet", Parquet, false},
		{"highest q wins", "text/csv;q=0.5, application/x-ndjson;q=0.9", NDJSON, false},
		{"earlier wins a tie", "application/x-ndjson, text/csv", NDJSON, false},
		{"unsupported types are passed over", "application/pdf, " + xlsxType + ";q=0.1", XLSX, false},
		{"q=0 is not acceptable", "application/x-ndjson;q=0, text/csv;q=0.2", CSV, false},
		{"malformed range is passed over", "text/;;, application/x-parquet", Parquet, false},
		{"only unsupported types is refused", "application/pdf, image/png", 0, true},
		{"only q=0 is refused", "text/csv;q=0", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FromAccept(tt.accept)
			if tt.wantErr {
				if !errs.Is(err, errs.NotAcceptable) {
					t.Fatalf("FromAccept(%q) error = %v, want a not-acceptable error", tt.accept, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("FromAccept(%q) = %v, %v; want %v", tt.accept, got, err, tt.want)
			}
		})
	}
}

func TestFormatNames(t *testing.T) {
	tests := []struct {
		f                          Format
		name, contentType, fileExt string
	}{
		{CSV, "csv", "text/csv; charset=utf-8", ".csv"},
		{NDJSON, "ndjson", "application/x-ndjson; charset=utf-8", ".ndjson"},
		{XLSX, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"},
		{Parquet, "parquet", "application/vnd.apache.parquet", ".parquet"},
	}
	for _, tt := range tests {
		if tt.f.String() != tt.name || tt.f.ContentType() != tt.contentType || tt.f.Extension() != tt.fileExt {
			t.Errorf("%d: got %q %q %q, want %q %q %q", tt.f, tt.f.String(), tt.f.ContentType(), tt.f.Extension(), tt.name, tt.contentType, tt.fileExt)
		}
		if back, err := Parse(tt.f.String()); err != nil || back != tt.f {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.f.String(), back, err, tt.f)
		}
	}
}

// TestWriterContract checks the rules every writer shares.
func TestWriterContract(t *testing.T) {
	cols := []Column{{"id", Int}, {"name", String}}
	for f := CSV; f <= Parquet; f++ {
		t.Run(f.String(), func(t *testing.T) {
			t.Run("no columns is refused", func(t *testing.T) {
				if _, err := New(f, new(bytes.Buffer), nil, Options{}); err == nil {
					t.Fatal("want an error")
				}
			})
			t.Run("unknown column type is refused", func(t *testing.T) {
				if _, err := New(f, new(bytes.Buffer), []Column{{"x", Type(99)}}, Options{}); err == nil {
					t.Fatal("want an error")
				}
			})
			t.Run("wrong cell count names the row", func(t *testing.T) {
				w, err := New(f, new(bytes.Buffer), cols, Options{})
				if err != nil {
					t.Fatal(err)
				}
				err = w.WriteRow(cells("1"))
				if err == nil || !strings.Contains(err.Error(), "row 1: 1 cells for 2 columns") {
					t.Fatalf("error = %v", err)
				}
			})
			t.Run("write after close is refused and close twice is harmless", func(t *testing.T) {
				w, err := New(f, new(bytes.Buffer), cols, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				if err := w.WriteRow(cells("1", "x")); err == nil {
					t.Fatal("WriteRow after Close: want an error")
				}
				if err := w.Close(); err != nil {
					t.Fatalf("second Close: %v", err)
				}
			})
		})
	}
}

// TestMalformedValues: a value that is malformed for its type is an error
// naming row and column but not the value (which may be personal data), the
// row is dropped, and the writer carries on. CSV copies text verbatim and so
// accepts everything.
func TestMalformedValues(t *testing.T) {
	tests := []struct {
		typ   Type
		value string
	}{
		{Int, "abc"}, {Int, "1.5"}, {Int, ""}, {Int, "+1"}, {Int, "007"}, {Int, "0x10"},
		{Int, "9223372036854775808"}, {Int, "-9223372036854775809"}, {Int, "123456789012345678901"},
		{Decimal, "abc"}, {Decimal, "1,5"}, {Decimal, ".5"}, {Decimal, "1."}, {Decimal, "1e"},
		{Decimal, "--1"}, {Decimal, ""}, {Decimal, "inf"}, {Decimal, "nan"}, {Decimal, "01.5"},
		{Bool, "yes"}, {Bool, "1"}, {Bool, "T"}, {Bool, ""},
		{Date, "2026-13-01"}, {Date, "2026-02-29"}, {Date, "2026-2-1"}, {Date, "24-11-2026"},
		{Date, "2026-11-24 10:00:00+00"}, {Date, ""}, {Date, "0000-01-01 BC"}, {Date, "Infinity"},
		{Timestamp, "2026-11-24"}, {Timestamp, "2026-11-24 24:00:00+00"}, {Timestamp, "2026-11-24 10:60:00+00"},
		{Timestamp, "2026-11-24 10:00:00.1234567+00"}, {Timestamp, "2026-11-24 10:00:00.+00"},
		{Timestamp, "2026-11-24 10:00:00+"}, {Timestamp, "2026-11-24 10:00:00+00:60"},
		{Timestamp, "2026-11-24 10:00:00 +00"}, {Timestamp, "2026-11-24 10:00:00Z"}, {Timestamp, ""},
	}
	const secret = "0101901234" // stands in for a CPR number: must not reach the error
	for f := NDJSON; f <= Parquet; f++ {
		for _, tt := range tests {
			t.Run(f.String()+"/"+tt.typ.String()+"/"+tt.value, func(t *testing.T) {
				var out bytes.Buffer
				w, err := New(f, &out, []Column{{"cpr", String}, {"v", tt.typ}}, Options{})
				if err != nil {
					t.Fatal(err)
				}
				err = w.WriteRow(cells(secret, tt.value))
				if err == nil {
					t.Fatalf("%s %q: want an error", tt.typ, tt.value)
				}
				if want := `row 1, column "v" (` + tt.typ.String() + `)`; !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
				if strings.Contains(err.Error(), secret) || (len(tt.value) > 2 && strings.Contains(err.Error(), tt.value)) {
					t.Errorf("error %q leaks a value", err)
				}
				if err := w.WriteRow(cells(secret, nil)); err != nil {
					t.Fatalf("the writer must carry on after a bad value: %v", err)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				if n := countRows(t, f, out.Bytes()); n != 1 {
					t.Errorf("%d rows written, want only the good one", n)
				}
			})
		}
	}
}

// countRows counts the data rows in a finished file.
func countRows(t *testing.T, f Format, b []byte) int {
	t.Helper()
	switch f {
	case NDJSON:
		return len(readNDJSON(t, b))
	case XLSX:
		n := 0
		for _, s := range readXLSX(t, b).sheets {
			n += len(s.rows) - 1
		}
		return n
	case Parquet:
		return len(readParquet(t, b).rows)
	}
	t.Fatalf("countRows: unsupported format %v", f)
	return 0
}

// FuzzWriteRow: whatever bytes arrive in a cell of any type, no writer
// panics, and a value a writer accepts yields a readable file.
func FuzzWriteRow(f *testing.F) {
	for _, s := range append(tricky, "42", "-1.5e+10", "t", "2026-11-24", "2026-11-24 10:00:00.123456+00", "infinity", "0044-03-15 BC") {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		for typ := String; typ <= UUID; typ++ {
			for format := NDJSON; format <= Parquet; format++ {
				var out bytes.Buffer
				w, err := New(format, &out, []Column{{"v", typ}}, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if err := w.WriteRow([]Cell{v}); err != nil {
					continue
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				if n := countRows(t, format, out.Bytes()); n != 1 {
					t.Fatalf("%s %s %q: %d rows", format, typ, v, n)
				}
			}
		}
	})
}
