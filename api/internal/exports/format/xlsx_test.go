package format

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

// xlsxFile is a workbook as read back with archive/zip and encoding/xml.
type xlsxFile struct {
	parts  map[string]string
	sheets []xlsxReadSheet
}

type xlsxReadSheet struct {
	name       string
	raw        string
	rows       []xlsxRow
	autoFilter string
	frozen     bool
}

type xlsxRow struct {
	R     string     `xml:"r,attr"`
	Cells []xlsxCell `xml:"c"`
}

type xlsxCell struct {
	T  string  `xml:"t,attr"`
	S  string  `xml:"s,attr"`
	V  *string `xml:"v"`
	IS *struct {
		T string `xml:"t"`
	} `xml:"is"`
}

// text returns what the cell shows as a string value, and whether it is one.
func (c xlsxCell) text() (string, bool) {
	if c.T != "inlineStr" || c.IS == nil {
		return "", false
	}
	return c.IS.T, true
}

func (c xlsxCell) null() bool { return c.T == "" && c.S == "" && c.V == nil && c.IS == nil }

func readXLSX(t *testing.T, b []byte) xlsxFile {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	f := xlsxFile{parts: map[string]string{}}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		rc.Close()
		f.parts[zf.Name] = string(body)
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"} {
		if _, ok := f.parts[name]; !ok {
			t.Fatalf("missing part %s", name)
		}
		if err := xml.Unmarshal([]byte(f.parts[name]), new(struct{})); err != nil {
			t.Fatalf("%s is not XML: %v", name, err)
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal([]byte(f.parts["xl/workbook.xml"]), &wb); err != nil {
		t.Fatal(err)
	}
	for i, s := range wb.Sheets {
		n := strconv.Itoa(i + 1)
		part := "xl/worksheets/sheet" + n + ".xml"
		if s.ID != "rId"+n || !strings.Contains(f.parts["xl/_rels/workbook.xml.rels"], `Id="rId`+n+`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet`+n+`.xml"`) {
			t.Fatalf("sheet %d is not related to %s", i+1, part)
		}
		if !strings.Contains(f.parts["[Content_Types].xml"], `PartName="/`+part+`"`) {
			t.Fatalf("%s has no content type", part)
		}
		var ws struct {
			Rows       []xlsxRow `xml:"sheetData>row"`
			AutoFilter struct {
				Ref string `xml:"ref,attr"`
			} `xml:"autoFilter"`
			Pane struct {
				State string `xml:"state,attr"`
			} `xml:"sheetViews>sheetView>pane"`
		}
		if err := xml.Unmarshal([]byte(f.parts[part]), &ws); err != nil {
			t.Fatalf("%s: %v", part, err)
		}
		f.sheets = append(f.sheets, xlsxReadSheet{name: s.Name, raw: f.parts[part], rows: ws.Rows, autoFilter: ws.AutoFilter.Ref, frozen: ws.Pane.State == "frozen"})
	}
	return f
}

func writeXLSX(t *testing.T, cols []Column, o Options, maxRows int, rows ...[]Cell) []byte {
	t.Helper()
	var out bytes.Buffer
	w, err := newXLSX(&out, cols, o, maxRows)
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

func TestXLSXStrings(t *testing.T) {
	cols := []Column{{"tekst <&>", String}, {"id", UUID}}
	var rows [][]Cell
	for _, s := range tricky {
		rows = append(rows, cells(s, s))
	}
	f := readXLSX(t, writeXLSX(t, cols, Options{}, maxSheetRows, rows...))
	sheet := f.sheets[0]
	header := sheet.rows[0].Cells
	if h, _ := header[0].text(); h != "tekst <&>" || header[0].S != styleHeader {
		t.Errorf("header cell = %+v, want bold %q", header[0], "tekst <&>")
	}
	for i, s := range tricky {
		want := xmlVisible(s)
		for j, c := range sheet.rows[i+1].Cells {
			if got, ok := c.text(); !ok || got != want {
				t.Errorf("row %d col %d = %q (%+v), want %q", i, j, got, c, want)
			}
		}
	}
	if !strings.Contains(sheet.raw, `<t xml:space="preserve"> leading space</t>`) ||
		!strings.Contains(sheet.raw, `<t>plain</t>`) {
		t.Error("xml:space=preserve must be set exactly where white space is at an edge")
	}
}

func TestXLSXLongStringIsCutAtExcelsLimit(t *testing.T) {
	long := strings.Repeat("ø", maxCellChars-1) + "😀" // the emoji would be units 32767 and 32768
	f := readXLSX(t, writeXLSX(t, []Column{{"s", String}}, Options{}, maxSheetRows, cells(long)))
	got, _ := f.sheets[0].rows[1].Cells[0].text()
	if got != strings.Repeat("ø", maxCellChars-1) {
		t.Errorf("got %d runes, want %d", len([]rune(got)), maxCellChars-1)
	}
}

func TestXLSXValues(t *testing.T) {
	excelDays := func(y int, m time.Month, d int) float64 {
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
	}
	tests := []struct {
		name  string
		typ   Type
		value any // nil for NULL
		// want: kind "n" number (with num), "b" boolean, "s" string (with str), "null"
		kind  string
		num   float64
		str   string
		style string
	}{
		{"int is a number", Int, "-42", "n", -42, "", ""},
		{"15-digit int is a number", Int, "999999999999999", "n", 999999999999999, "", ""},
		{"16-digit int is text, not rounded", Int, "1234567890123456", "s", 0, "1234567890123456", ""},
		{"decimal is a number", Decimal, "6.4", "n", 6.4, "", ""},
		{"decimal with exponent", Decimal, "1.5e-07", "n", 1.5e-07, "", ""},
		{"NaN is text", Decimal, "NaN", "s", 0, "NaN", ""},
		{"decimal beyond a double is text", Decimal, "1e400", "s", 0, "1e400", ""},
		{"true is a boolean", Bool, "t", "b", 1, "", ""},
		{"false is a boolean", Bool, "false", "b", 0, "", ""},
		{"date is a serial with a date format", Date, "2026-11-24", "n", excelDays(2026, 11, 24), "", styleDate},
		{"1970-01-01 is 25569", Date, "1970-01-01", "n", 25569, "", styleDate},
		{"1900-03-01 is 61", Date, "1900-03-01", "n", 61, "", styleDate},
		{"1900-02-28 is 59 (Excel's phantom 29th follows)", Date, "1900-02-28", "n", 59, "", styleDate},
		{"1900-01-01 is 1", Date, "1900-01-01", "n", 1, "", styleDate},
		{"9999-12-31 is the last date", Date, "9999-12-31", "n", 2958465, "", styleDate},
		{"before 1900 is text", Date, "1899-12-31", "s", 0, "1899-12-31", ""},
		{"BC is text", Date, "0044-03-15 BC", "s", 0, "0044-03-15 BC", ""},
		{"after 9999 is text", Date, "10000-01-01", "s", 0, "10000-01-01", ""},
		{"infinity is text", Date, "infinity", "s", 0, "infinity", ""},
		{"timestamp is a serial with a time format", Timestamp, "2026-11-24 10:00:00.123456+00", "n",
			excelDays(2026, 11, 24) + (10*3600+0.123456)/86400, "", styleTimestamp},
		{"timestamp offset is applied", Timestamp, "2026-11-24 00:30:00+01:00", "n",
			excelDays(2026, 11, 23) + 23.5/24, "", styleTimestamp},
		{"timestamp infinity is text", Timestamp, "-infinity", "s", 0, "-infinity", ""},
		{"NULL int", Int, nil, "null", 0, "", ""},
		{"NULL date", Date, nil, "null", 0, "", ""},
		{"NULL string", String, nil, "null", 0, "", ""},
		{"empty string is an empty text cell", String, "", "s", 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A marker column after the value proves NULLs keep their place.
			f := readXLSX(t, writeXLSX(t, []Column{{"v", tt.typ}, {"marker", String}}, Options{}, maxSheetRows, cells(tt.value, "after")))
			row := f.sheets[0].rows[1].Cells
			if len(row) != 2 {
				t.Fatalf("%d cells, want 2", len(row))
			}
			if m, _ := row[1].text(); m != "after" {
				t.Fatalf("marker cell = %+v", row[1])
			}
			c := row[0]
			if c.S != tt.style {
				t.Errorf("style = %q, want %q", c.S, tt.style)
			}
			switch tt.kind {
			case "null":
				if !c.null() {
					t.Errorf("cell = %+v, want empty", c)
				}
			case "s":
				if got, ok := c.text(); !ok || got != tt.str {
					t.Errorf("cell = %+v, want text %q", c, tt.str)
				}
			case "b", "n":
				if (tt.kind == "b") != (c.T == "b") || c.V == nil {
					t.Fatalf("cell = %+v, want kind %s", c, tt.kind)
				}
				got, err := strconv.ParseFloat(*c.V, 64)
				if err != nil {
					t.Fatal(err)
				}
				// A microsecond is 1.2e-11 of a day: compare to that.
				if math.Abs(got-tt.num) > 1e-11 {
					t.Errorf("value = %s, want %v", *c.V, tt.num)
				}
			}
		})
	}
}

// TestXLSXSheets: beyond the row limit the rows continue on new sheets, each
// with the header, frozen pane and autofilter; a full last sheet does not
// leave an empty one behind.
func TestXLSXSheets(t *testing.T) {
	cols := []Column{{"n", Int}, {"a", String}, {"b", String}}
	tests := []struct {
		name      string
		sheetName string
		rows      int
		wantNames []string
		wantRows  []int
	}{
		{"no rows still gives a sheet with the header", "", 0, []string{"Data"}, []int{0}},
		{"rows that fit stay on one sheet", "Borgere", 3, []string{"Borgere"}, []int{3}},
		{"one more row starts sheet (2)", "Borgere", 4, []string{"Borgere", "Borgere (2)"}, []int{3, 1}},
		{"seven rows make three sheets", "Borgere", 7, []string{"Borgere", "Borgere (2)", "Borgere (3)"}, []int{3, 3, 1}},
		{"exactly two full sheets", "Borgere", 6, []string{"Borgere", "Borgere (2)"}, []int{3, 3}},
		{"invalid characters are replaced", "Sager: 2026/11 [alle]?", 1, []string{"Sager_ 2026_11 _alle__"}, []int{1}},
		{"long names are cut to 31 characters with the suffix",
			"Sagsoplysning og sagsvurdering 2026", 4,
			[]string{"Sagsoplysning og sagsvurdering ", "Sagsoplysning og sagsvurder (2)"}, []int{3, 1}},
		{"quotes at the edges are dropped", "'Æble'", 1, []string{"Æble"}, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rows [][]Cell
			for i := range tt.rows {
				rows = append(rows, cells(strconv.Itoa(i), "x", nil))
			}
			f := readXLSX(t, writeXLSX(t, cols, Options{SheetName: tt.sheetName}, 3, rows...))
			if len(f.sheets) != len(tt.wantNames) {
				t.Fatalf("%d sheets, want %d", len(f.sheets), len(tt.wantNames))
			}
			next := 0
			for i, s := range f.sheets {
				if s.name != tt.wantNames[i] {
					t.Errorf("sheet %d is named %q, want %q", i+1, s.name, tt.wantNames[i])
				}
				if len(s.rows) != tt.wantRows[i]+1 {
					t.Fatalf("sheet %d has %d rows, want header + %d", i+1, len(s.rows), tt.wantRows[i])
				}
				if h, _ := s.rows[0].Cells[0].text(); h != "n" || s.rows[0].R != "1" {
					t.Errorf("sheet %d does not start with the header", i+1)
				}
				for j, r := range s.rows[1:] {
					if r.R != strconv.Itoa(j+2) || *r.Cells[0].V != strconv.Itoa(next) {
						t.Errorf("sheet %d row %s holds %s, want row %d holding %d", i+1, r.R, *r.Cells[0].V, j+2, next)
					}
					next++
				}
				if want := "A1:C" + strconv.Itoa(tt.wantRows[i]+1); s.autoFilter != want {
					t.Errorf("sheet %d autofilter %q, want %q", i+1, s.autoFilter, want)
				}
				if !s.frozen {
					t.Errorf("sheet %d: header not frozen", i+1)
				}
				filter := `<definedName name="_xlnm._FilterDatabase" localSheetId="` + strconv.Itoa(i) + `" hidden="1">` +
					"'" + strings.ReplaceAll(s.name, "'", "''") + "'!$A$1:$C$" + strconv.Itoa(tt.wantRows[i]+1) + "</definedName>"
				if !strings.Contains(f.parts["xl/workbook.xml"], filter) {
					t.Errorf("sheet %d: workbook lacks %s", i+1, filter)
				}
			}
			if next != tt.rows {
				t.Errorf("%d rows read back, want %d", next, tt.rows)
			}
		})
	}
}

func TestColumnLetters(t *testing.T) {
	for n, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := string(appendColumnLetters(nil, n)); got != want {
			t.Errorf("column %d = %q, want %q", n, got, want)
		}
	}
}

func TestSheetNames(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"", 1, "Data"},
		{"Borgere", 1, "Borgere"},
		{"Borgere", 12, "Borgere (12)"},
		{"Sager: 2026/11 [alle]?*\\", 1, "Sager_ 2026_11 _alle____"},
		{"linje\nskift\x00", 1, "linjeskift"},
		{"'''", 1, "Data"},
		{"history", 1, "history_"},
		{"'Æble'", 1, "Æble"},
		{strings.Repeat("ø", 40), 1, strings.Repeat("ø", 31)},
		{strings.Repeat("😀", 20), 1, strings.Repeat("😀", 15)},                  // two UTF-16 units each
		{strings.Repeat("a", 26) + "'bc", 2, strings.Repeat("a", 26) + " (2)"}, // no apostrophe left at the cut
	}
	for _, tt := range tests {
		if got := nthSheetName(sheetName(tt.in), tt.n); got != tt.want {
			t.Errorf("sheet %d of %q is named %q, want %q", tt.n, tt.in, got, tt.want)
		}
	}
}
