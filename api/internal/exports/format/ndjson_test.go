package format

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// readNDJSON decodes each line with encoding/json, keeping numbers exact.
func readNDJSON(t *testing.T, b []byte) []map[string]any {
	t.Helper()
	if len(b) > 0 && b[len(b)-1] != '\n' {
		t.Fatalf("output does not end with a newline: %q", b)
	}
	var out []map[string]any
	for _, line := range bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		d := json.NewDecoder(bytes.NewReader(line))
		d.UseNumber()
		var m map[string]any
		if err := d.Decode(&m); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

func writeNDJSON(t *testing.T, cols []Column, rows ...[]Cell) []byte {
	t.Helper()
	var out bytes.Buffer
	w, err := NewNDJSON(&out, cols)
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

func TestNDJSONStrings(t *testing.T) {
	cols := []Column{{"i", Int}, {"s", String}, {"u", UUID}}
	var rows [][]Cell
	for i, s := range tricky {
		rows = append(rows, cells(strconv.Itoa(i), s, s))
	}
	out := writeNDJSON(t, cols, rows...)
	if bytes.Count(out, []byte("\n")) != len(tricky) {
		t.Fatalf("want one line per row, got:\n%s", out)
	}
	for _, esc := range []string{`\u2028`, `\u2029`, `\u0000`, `\r`, `\n`} {
		if !bytes.Contains(out, []byte(esc)) {
			t.Errorf("output lacks the escape %s", esc)
		}
	}
	for i, m := range readNDJSON(t, out) {
		want := perByteValid(tricky[i])
		if m["s"] != want || m["u"] != want {
			t.Errorf("row %d: s=%q u=%q, want %q", i, m["s"], m["u"], want)
		}
	}
}

func TestNDJSONValues(t *testing.T) {
	cols := []Column{{"int", Int}, {"dec", Decimal}, {"ok", Bool}, {"day", Date}, {"at", Timestamp}, {"id", UUID}, {"s", String}}
	tests := []struct {
		name string
		row  []Cell
		want string // the exact line
	}{
		{"typed values",
			cells("-42", "6.4", "t", "2026-11-24", "2026-11-24 10:00:00.123456+00", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "x"),
			`{"int":-42,"dec":6.4,"ok":true,"day":"2026-11-24","at":"2026-11-24T10:00:00.123456+00:00","id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","s":"x"}`},
		{"NULL in every type is null",
			cells(nil, nil, nil, nil, nil, nil, nil),
			`{"int":null,"dec":null,"ok":null,"day":null,"at":null,"id":null,"s":null}`},
		{"empty string is not null",
			cells("0", "0", "false", "1970-01-01", "1970-01-01 00:00:00+00", "", ""),
			`{"int":0,"dec":0,"ok":false,"day":"1970-01-01","at":"1970-01-01T00:00:00+00:00","id":"","s":""}`},
		{"exponents stay numbers, non-finite decimals become strings",
			cells("9223372036854775807", "1e+100", "f", "0044-03-15 BC", "2026-11-24 10:00:00.5+05:30", nil, nil),
			`{"int":9223372036854775807,"dec":1e+100,"ok":false,"day":"0044-03-15 BC","at":"2026-11-24T10:00:00.5+05:30","id":null,"s":null}`},
		{"NaN", cells(nil, "NaN", nil, nil, nil, nil, nil),
			`{"int":null,"dec":"NaN","ok":null,"day":null,"at":null,"id":null,"s":null}`},
		{"infinities keep PostgreSQL's text",
			cells(nil, "-Infinity", nil, "infinity", "-infinity", nil, nil),
			`{"int":null,"dec":"-Infinity","ok":null,"day":"infinity","at":"-infinity","id":null,"s":null}`},
		{"timestamps RFC 3339 cannot express keep their text",
			cells(nil, nil, nil, "12345-01-01", "0044-03-15 12:00:00+00 BC", nil, nil),
			`{"int":null,"dec":null,"ok":null,"day":"12345-01-01","at":"0044-03-15 12:00:00+00 BC","id":null,"s":null}`},
		{"timestamp without offset",
			cells(nil, nil, nil, nil, "2026-11-24 10:00:00", nil, nil),
			`{"int":null,"dec":null,"ok":null,"day":null,"at":"2026-11-24T10:00:00+00:00","id":null,"s":null}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeNDJSON(t, cols, tt.row)
			if got := strings.TrimSuffix(string(out), "\n"); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			readNDJSON(t, out) // and it is valid JSON
		})
	}
}

func TestNDJSONKeysAreEscaped(t *testing.T) {
	out := writeNDJSON(t, []Column{{`"quoted"`, String}, {"ø\n", String}}, cells("a", "b"))
	m := readNDJSON(t, out)[0]
	if m[`"quoted"`] != "a" || m["ø\n"] != "b" {
		t.Errorf("got %v", m)
	}
}
