package format

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strconv"
	"strings"
	"testing"
)

func writeCSV(t *testing.T, cols []Column, o Options, rows ...[]Cell) string {
	t.Helper()
	var out bytes.Buffer
	w, err := NewCSV(&out, cols, o)
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
	return out.String()
}

func TestCSVBytes(t *testing.T) {
	two := []Column{{"a", String}, {"b", String}}
	tests := []struct {
		name string
		cols []Column
		o    Options
		rows [][]Cell
		want string
	}{
		{"header only, CRLF line end", two, Options{}, nil, "a,b\r\n"},
		{"NULL is an empty field, the empty string is quoted",
			two, Options{}, [][]Cell{cells(nil, "")}, "a,b\r\n,\"\"\r\n"},
		{"comma is quoted with comma delimiter",
			two, Options{}, [][]Cell{cells("x,y", "x;y")}, "a,b\r\n\"x,y\",x;y\r\n"},
		{"semicolon is quoted with semicolon delimiter",
			two, Options{Delimiter: ';'}, [][]Cell{cells("x,y", "x;y")}, "a;b\r\nx,y;\"x;y\"\r\n"},
		{"quotes are doubled inside quotes",
			two, Options{}, [][]Cell{cells(`say "hi"`, `"`)}, "a,b\r\n\"say \"\"hi\"\"\",\"\"\"\"\r\n"},
		{"CR and LF are quoted and kept",
			two, Options{}, [][]Cell{cells("1\r2", "3\r\n4")}, "a,b\r\n\"1\r2\",\"3\r\n4\"\r\n"},
		{"spaces and tabs are not quoted (RFC 4180 only)",
			two, Options{}, [][]Cell{cells(" x ", "\ty")}, "a,b\r\n x ,\ty\r\n"},
		{"booleans are copied as PostgreSQL prints them",
			[]Column{{"ok", Bool}}, Options{}, [][]Cell{cells("t")}, "ok\r\nt\r\n"},
		{"header names are quoted like values",
			[]Column{{"x,y", String}, {`"q"`, String}}, Options{}, nil, "\"x,y\",\"\"\"q\"\"\"\r\n"},
		{"BOM comes first",
			[]Column{{"å", String}}, Options{BOM: true}, [][]Cell{cells("ø")}, "\ufeffå\r\nø\r\n"},
		{`a lone \. in a one-column file is quoted, as COPY does`,
			[]Column{{"a", String}}, Options{}, [][]Cell{cells(`\.`)}, "a\r\n\"\\.\"\r\n"},
		{`\. next to other columns is not quoted`,
			two, Options{}, [][]Cell{cells(`\.`, "x")}, "a,b\r\n\\.,x\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := writeCSV(t, tt.cols, tt.o, tt.rows...); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCSVRejectsOtherDelimiters(t *testing.T) {
	for _, d := range []byte{'"', '\n', '\t', 'x'} {
		if _, err := NewCSV(new(bytes.Buffer), []Column{{"a", String}}, Options{Delimiter: d}); err == nil {
			t.Errorf("delimiter %q: want an error", d)
		}
	}
}

// TestCSVRoundTrip reads the output back with encoding/csv, which must see
// every tricky value unchanged — except that it turns CRLF inside a quoted
// field into LF, so the test expects that.
func TestCSVRoundTrip(t *testing.T) {
	cols := []Column{{"id", Int}, {"tekst; \"med\", alt", String}, {"tom", Date}}
	for _, o := range []Options{{Delimiter: ','}, {Delimiter: ';'}, {Delimiter: ';', BOM: true}} {
		t.Run(strconv.QuoteRune(rune(o.Delimiter))+" bom="+strconv.FormatBool(o.BOM), func(t *testing.T) {
			var rows [][]Cell
			for i, s := range tricky {
				rows = append(rows, cells(strconv.Itoa(i), s, nil))
			}
			out := writeCSV(t, cols, o, rows...)
			if o.BOM != strings.HasPrefix(out, "\ufeff") {
				t.Fatalf("BOM = %v, output starts %q", o.BOM, out[:3])
			}
			r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff")))
			r.Comma = rune(o.Delimiter)
			r.FieldsPerRecord = len(cols)
			records, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if got := records[0]; got[0] != cols[0].Name || got[1] != cols[1].Name || got[2] != cols[2].Name {
				t.Errorf("header = %q", got)
			}
			if len(records) != len(tricky)+1 {
				t.Fatalf("%d records, want %d", len(records), len(tricky)+1)
			}
			for i, s := range tricky {
				want := []string{strconv.Itoa(i), strings.ReplaceAll(s, "\r\n", "\n"), ""}
				if got := records[i+1]; strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("row %d = %q, want %q", i, got, want)
				}
			}
		})
	}
}

// copyCase is hand-written output of PostgreSQL's
// COPY (…) TO STDOUT (FORMAT csv, HEADER, DELIMITER d) — LF line ends — with
// the rows that produced it.
var copyCols = []Column{{"id", Int}, {"navn", String}, {"note", String}, {"beløb", Decimal}, {"aktiv", Bool}}

var copyRows = [][]Cell{
	cells("1", "Søren Ærø", `Møde; "glad", ringer`, "6.4", "t"),
	cells("2", nil, "", nil, "f"),
	cells("3", "line1\nline2", "a,b", "-0.5", nil),
	cells("4", "ÆØÅ æøå", " spaces ", "0", "t"),
	cells("5", "cr\rhere", `""`, "1e+100", "f"),
	cells("6", "crlf\r\nhere", "end\n", "NaN", "t"),
}

var copyOutput = map[byte]string{
	',': "id,navn,note,beløb,aktiv\n" +
		"1,Søren Ærø,\"Møde; \"\"glad\"\", ringer\",6.4,t\n" +
		"2,,\"\",,f\n" +
		"3,\"line1\nline2\",\"a,b\",-0.5,\n" +
		"4,ÆØÅ æøå, spaces ,0,t\n" +
		"5,\"cr\rhere\",\"\"\"\"\"\",1e+100,f\n" +
		"6,\"crlf\r\nhere\",\"end\n\",NaN,t\n",
	';': "id;navn;note;beløb;aktiv\n" +
		"1;Søren Ærø;\"Møde; \"\"glad\"\", ringer\";6.4;t\n" +
		"2;;\"\";;f\n" +
		"3;\"line1\nline2\";a,b;-0.5;\n" +
		"4;ÆØÅ æøå; spaces ;0;t\n" +
		"5;\"cr\rhere\";\"\"\"\"\"\";1e+100;f\n" +
		"6;\"crlf\r\nhere\";\"end\n\";NaN;t\n",
}

// TestCSVMatchesCOPY: our CSV writer and COPY passed through NewCRLF give the
// same bytes, so an export may use either path.
func TestCSVMatchesCOPY(t *testing.T) {
	for d, copied := range copyOutput {
		t.Run(string(d), func(t *testing.T) {
			var viaCOPY bytes.Buffer
			if _, err := NewCRLF(&viaCOPY).Write([]byte(copied)); err != nil {
				t.Fatal(err)
			}
			ours := writeCSV(t, copyCols, Options{Delimiter: d}, copyRows...)
			if viaCOPY.String() != ours {
				t.Errorf("COPY via NewCRLF:\n%q\nNewCSV:\n%q", viaCOPY.String(), ours)
			}
		})
	}
}

// recorder records each Write it receives.
type recorder struct{ writes []string }

func (r *recorder) Write(p []byte) (int, error) {
	r.writes = append(r.writes, string(p))
	return len(p), nil
}

func (r *recorder) String() string { return strings.Join(r.writes, "") }

// TestCRLFAcrossWrites: however COPY's output is cut into Writes — each byte
// alone, or split at any point, even between the two quotes of a doubled
// quote — the result is the same, and each Write is passed on at once, in one
// piece, before the next arrives.
func TestCRLFAcrossWrites(t *testing.T) {
	in := copyOutput[',']
	want := writeCSV(t, copyCols, Options{}, copyRows...)

	t.Run("byte by byte", func(t *testing.T) {
		var rec recorder
		w := NewCRLF(&rec)
		for i := range len(in) {
			n, err := w.Write([]byte{in[i]})
			if n != 1 || err != nil {
				t.Fatalf("Write = %d, %v", n, err)
			}
			if len(rec.writes) != i+1 || !strings.HasPrefix(want, rec.String()) {
				t.Fatalf("after byte %d the output is %q", i, rec.String())
			}
		}
		if rec.String() != want {
			t.Errorf("got %q\nwant %q", rec.String(), want)
		}
	})
	t.Run("split at every position", func(t *testing.T) {
		for i := range len(in) + 1 {
			var rec recorder
			w := NewCRLF(&rec)
			nonEmpty := 0
			for _, part := range []string{in[:i], in[i:]} {
				if n, err := w.Write([]byte(part)); n != len(part) || err != nil {
					t.Fatalf("Write = %d, %v", n, err)
				}
				if part != "" {
					nonEmpty++
				}
			}
			if len(rec.writes) != nonEmpty || rec.String() != want {
				t.Fatalf("split at %d: %d writes for %d, got %q", i, len(rec.writes), nonEmpty, rec.String())
			}
		}
	})
	t.Run("a write error is returned", func(t *testing.T) {
		boom := errors.New("boom")
		n, err := NewCRLF(failingWriter{boom}).Write([]byte("a\n"))
		if n != 0 || !errors.Is(err, boom) {
			t.Fatalf("Write = %d, %v", n, err)
		}
	})
}

type failingWriter struct{ err error }

func (f failingWriter) Write([]byte) (int, error) { return 0, f.err }
