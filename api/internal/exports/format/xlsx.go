package format

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxSheetRows is how many data rows fit on a sheet: Excel's limit is
// 1 048 576 rows and the header takes one.
const maxSheetRows = 1<<20 - 1

// Cell styles, indexes into cellXfs in styles.xml.
const (
	styleHeader    = "1"
	styleDate      = "2"
	styleTimestamp = "3"
)

// Excel serial day numbers: day 25569 is 1970-01-01; serial 1 is 1900-01-01
// and serial 60 the 1900-02-29 that Lotus 1-2-3 invented and Excel kept, so
// dates before 1900-03-01 are one lower than a plain day count; 9999-12-31 is
// the last date Excel shows.
const (
	excelEpochOffset = 25569
	excelMaxSerial   = 2958465
)

// zipTime is every part's modification time: a constant, so the same rows
// always give the same bytes, and 1980 because zip's MS-DOS dates start there.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

type xlsxWriter struct {
	zw      *zip.Writer
	cols    []Column
	base    string // sheet name; later sheets add " (2)", " (3)", …
	maxRows int
	prelude []byte // sheet XML up to and including the header row
	sheet   io.Writer
	sheets  []xlsxSheet
	buf     []byte
	t       pgTime
	rows    int64
	closed  bool
}

type xlsxSheet struct {
	name string
	rows int // data rows
}

// NewXLSX returns a writer for an Office Open XML workbook, streamed through
// archive/zip: each sheet is one zip entry compressed as it is written, so
// neither the sheet nor the file is ever held in memory, and the parts that
// depend on the number of sheets are written at Close.
//
// The header row is bold and frozen and carries an autofilter. Int and
// Decimal become numbers (but integers of more than 15 digits, which Excel's
// doubles would round, NaN/±Infinity and decimals beyond a double's range
// become text); Bool becomes a boolean;
// Date and Timestamp become Excel dates formatted yyyy-mm-dd and
// yyyy-mm-dd hh:mm:ss in UTC (dates Excel cannot show — before 1900, after
// 9999, infinity — become text); everything else becomes inline strings, with
// characters XML 1.0 forbids removed and text cut at Excel's 32 767
// characters per cell. After 1 048 575 data rows a new sheet begins, with the
// header repeated.
func NewXLSX(w io.Writer, cols []Column, o Options) (Writer, error) {
	return newXLSX(w, cols, o, maxSheetRows)
}

// newXLSX lets tests use a small sheet size.
func newXLSX(w io.Writer, cols []Column, o Options, maxRows int) (*xlsxWriter, error) {
	if err := checkColumns(cols); err != nil {
		return nil, err
	}
	x := &xlsxWriter{
		zw:      zip.NewWriter(w),
		cols:    cols,
		base:    sheetName(o.SheetName),
		maxRows: maxRows,
		buf:     make([]byte, 0, bufSize+4096),
	}
	// BestSpeed: sheets are repetitive XML that compresses well at any
	// level, and the default level makes this writer 2.5 times slower.
	x.zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	x.prelude = x.sheetPrelude()
	if err := x.writePart("_rels/.rels", rootRels); err != nil {
		return nil, err
	}
	if err := x.writePart("xl/styles.xml", styles); err != nil {
		return nil, err
	}
	if err := x.startSheet(); err != nil {
		return nil, err
	}
	return x, nil
}

// sheetName makes name acceptable to Excel: no control characters or
// []:*?/\, not empty, and not "History", which Excel reserves. Length and
// apostrophes at the ends are handled by nthSheetName.
func sheetName(name string) string {
	out := make([]rune, 0, len(name))
	for _, r := range name {
		switch {
		case strings.ContainsRune(`[]:*?/\`, r):
			out = append(out, '_')
		case r >= 0x20 && xmlAllowed(r) && r != utf8.RuneError:
			out = append(out, r)
		}
	}
	switch s := strings.TrimSpace(string(out)); {
	case strings.Trim(s, "'") == "":
		return "Data"
	case strings.EqualFold(s, "History"):
		return s + "_"
	}
	return string(out)
}

// nthSheetName returns the name of sheet n (1-based): base with " (n)" from
// the second sheet on, cut to Excel's 31 characters (UTF-16 units, so runes
// outside the BMP count two) and without apostrophes at either end, which
// Excel refuses.
func nthSheetName(base string, n int) string {
	suffix := ""
	if n > 1 {
		suffix = " (" + strconv.Itoa(n) + ")"
	}
	limit, units := 31-len(suffix), 0
	for i, r := range base {
		units++
		if r > 0xFFFF {
			units++
		}
		if units > limit {
			base = base[:i]
			break
		}
	}
	base = strings.Trim(base, "'")
	if base == "" {
		base = "Data"
	}
	return base + suffix
}

func (x *xlsxWriter) writePart(name, content string) error {
	f, err := x.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
	if err == nil {
		_, err = io.WriteString(f, content)
	}
	if err != nil {
		return fmt.Errorf("format: write XLSX part %s: %w", name, err)
	}
	return nil
}

func (x *xlsxWriter) startSheet() error {
	n := len(x.sheets) + 1
	name := "xl/worksheets/sheet" + strconv.Itoa(n) + ".xml"
	f, err := x.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
	if err != nil {
		return fmt.Errorf("format: start XLSX sheet %d: %w", n, err)
	}
	x.sheet = f
	x.sheets = append(x.sheets, xlsxSheet{name: nthSheetName(x.base, n)})
	x.buf = append(x.buf, x.prelude...)
	return nil
}

func (x *xlsxWriter) endSheet() error {
	s := &x.sheets[len(x.sheets)-1]
	x.buf = append(x.buf, "</sheetData><autoFilter ref=\"A1:"...)
	x.buf = appendColumnLetters(x.buf, len(x.cols))
	x.buf = strconv.AppendInt(x.buf, int64(s.rows+1), 10)
	x.buf = append(x.buf, "\"/></worksheet>"...)
	return x.flush()
}

// sheetPrelude renders everything before the first data row: the frozen
// header pane, column widths (so dates do not show as ####) and the header.
func (x *xlsxWriter) sheetPrelude() []byte {
	b := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
		`<selection pane="bottomLeft"/></sheetView></sheetViews><cols>`)
	for i, c := range x.cols {
		width := utf8.RuneCountInString(c.Name) + 4 // room for the filter button
		switch {
		case c.Type == Timestamp && width < 20:
			width = 20
		case width < 12:
			width = 12
		case width > 60:
			width = 60
		}
		b = append(b, `<col min="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" max="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" width="`...)
		b = strconv.AppendInt(b, int64(width), 10)
		b = append(b, `" customWidth="1"/>`...)
	}
	b = append(b, `</cols><sheetData><row r="1">`...)
	for _, c := range x.cols {
		b = appendInlineString(b, []byte(c.Name), styleHeader)
	}
	return append(b, `</row>`...)
}

func (x *xlsxWriter) WriteRow(cells []Cell) error {
	if x.closed {
		return errClosed
	}
	x.rows++
	if len(cells) != len(x.cols) {
		return rowCountError(x.rows, len(cells), len(x.cols))
	}
	if x.sheets[len(x.sheets)-1].rows == x.maxRows {
		if err := x.endSheet(); err != nil {
			return err
		}
		if err := x.startSheet(); err != nil {
			return err
		}
	}
	s := &x.sheets[len(x.sheets)-1]
	rowStart := len(x.buf)
	x.buf = append(x.buf, `<row r="`...)
	x.buf = strconv.AppendInt(x.buf, int64(s.rows+2), 10)
	x.buf = append(x.buf, `">`...)
	// Cells carry no r="A2" reference (it is optional and would add a third
	// to the XML), so a NULL must still take its place as an empty <c/>.
	for i, cell := range cells {
		if cell == nil {
			x.buf = append(x.buf, "<c/>"...)
			continue
		}
		if err := x.appendCell(x.cols[i].Type, cell); err != "" {
			x.buf = x.buf[:rowStart] // leave no half row behind
			return valueError(x.rows, x.cols[i], err)
		}
	}
	x.buf = append(x.buf, "</row>"...)
	s.rows++
	if len(x.buf) >= bufSize {
		return x.flush()
	}
	return nil
}

// appendCell appends one non-NULL cell, or says why the value is malformed.
func (x *xlsxWriter) appendCell(t Type, v []byte) string {
	switch t {
	case Int:
		_, digits, ok := parseInt(v)
		if !ok {
			return "not an integer that fits in 64 bits"
		}
		if digits > 15 {
			x.buf = appendInlineString(x.buf, v, "")
		} else {
			x.buf = appendNumber(x.buf, v, "")
		}
	case Decimal:
		switch checkDecimal(v) {
		case finite:
			// numeric can exceed a double's range, and a number Excel
			// cannot parse makes it reject the whole file: keep such text.
			if _, err := strconv.ParseFloat(string(v), 64); err != nil {
				x.buf = appendInlineString(x.buf, v, "")
			} else {
				x.buf = appendNumber(x.buf, v, "")
			}
		case nonFinite:
			x.buf = appendInlineString(x.buf, v, "")
		default:
			return "not a number"
		}
	case Bool:
		b, ok := parseBool(v)
		if !ok {
			return "not a boolean"
		}
		if b {
			x.buf = append(x.buf, `<c t="b"><v>1</v></c>`...)
		} else {
			x.buf = append(x.buf, `<c t="b"><v>0</v></c>`...)
		}
	case Date:
		if !parseDate(v, &x.t) {
			return "not a date"
		}
		serial, ok := excelSerial(x.t.inf == 0, x.t.days())
		if !ok {
			x.buf = appendInlineString(x.buf, v, "")
			break
		}
		var num [24]byte
		x.buf = appendNumber(x.buf, strconv.AppendInt(num[:0], serial, 10), styleDate)
	case Timestamp:
		if !parseTimestamp(v, &x.t) {
			return "not a timestamp"
		}
		const usPerDay = 86400 * 1e6
		var days, rem int64
		if x.t.inf == 0 {
			us := x.t.micros()
			days, rem = us/usPerDay, us%usPerDay
			if rem < 0 {
				days, rem = days-1, rem+usPerDay
			}
		}
		serial, ok := excelSerial(x.t.inf == 0, days)
		if !ok {
			x.buf = appendInlineString(x.buf, v, "")
			break
		}
		var num [32]byte
		f := float64(serial) + float64(rem)/usPerDay
		x.buf = appendNumber(x.buf, strconv.AppendFloat(num[:0], f, 'f', -1, 64), styleTimestamp)
	default: // String, UUID
		x.buf = appendInlineString(x.buf, v, "")
	}
	return ""
}

// excelSerial converts days since 1970-01-01 to Excel's serial day number,
// reporting false for what Excel cannot show.
func excelSerial(finite bool, days int64) (int64, bool) {
	if !finite { // ±infinity
		return 0, false
	}
	s := days + excelEpochOffset
	if s < 61 {
		s-- // before Excel's phantom 1900-02-29
	}
	return s, s >= 1 && s <= excelMaxSerial
}

func appendNumber(dst, v []byte, style string) []byte {
	if style == "" {
		dst = append(dst, "<c><v>"...)
	} else {
		dst = append(dst, `<c s="`...)
		dst = append(dst, style...)
		dst = append(dst, `"><v>`...)
	}
	dst = append(dst, v...)
	return append(dst, "</v></c>"...)
}

// maxCellChars is Excel's limit on characters (UTF-16 units) in a cell; a
// longer string makes Excel declare the file damaged.
const maxCellChars = 32767

func appendInlineString(dst, s []byte, style string) []byte {
	dst = append(dst, `<c t="inlineStr"`...)
	if style != "" {
		dst = append(dst, ` s="`...)
		dst = append(dst, style...)
		dst = append(dst, '"')
	}
	// Excel trims leading and trailing white space unless told otherwise.
	if len(s) > 0 && (isXMLSpace(s[0]) || isXMLSpace(s[len(s)-1])) {
		dst = append(dst, `><is><t xml:space="preserve">`...)
	} else {
		dst = append(dst, `><is><t>`...)
	}
	if len(s) > maxCellChars { // cheap test first: bytes ≥ UTF-16 units
		s = truncateUTF16(s, maxCellChars)
	}
	dst = appendXMLText(dst, s)
	return append(dst, "</t></is></c>"...)
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// truncateUTF16 cuts s to at most n UTF-16 units, on a rune boundary.
func truncateUTF16(s []byte, n int) []byte {
	units := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		units++
		if r > 0xFFFF {
			units++
		}
		if units > n {
			return s[:i]
		}
		i += size
	}
	return s
}

// xmlASCII classifies ASCII bytes for appendXMLText: 0 copy as is, 1 drop
// (control characters XML 1.0 forbids), 2 escape.
var xmlASCII = func() (t [utf8.RuneSelf]byte) {
	for c := 0; c < 0x20; c++ {
		t[c] = 1
	}
	t['\t'], t['\n'] = 0, 0
	t['\r'], t['&'], t['<'], t['>'] = 2, 2, 2, 2
	return t
}()

// appendXMLText appends s as XML character data. CR is written as &#13;
// because XML parsers turn a literal CR (or CRLF) into LF; characters XML 1.0
// does not allow are dropped and invalid UTF-8 becomes U+FFFD, since a single
// one would make the whole workbook unreadable.
func appendXMLText(dst, s []byte) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if xmlASCII[c] == 0 {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '&':
				dst = append(dst, "&amp;"...)
			case '<':
				dst = append(dst, "&lt;"...)
			case '>':
				dst = append(dst, "&gt;"...)
			case '\r':
				dst = append(dst, "&#13;"...)
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, "\ufffd"...)
			i++
			start = i
			continue
		}
		if !xmlAllowed(r) {
			dst = append(dst, s[start:i]...)
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(dst, s[start:]...)
}

// xmlAllowed reports whether XML 1.0 allows r in character data.
func xmlAllowed(r rune) bool {
	switch {
	case r < 0x20:
		return r == '\t' || r == '\n' || r == '\r'
	case r < 0xD800:
		return true
	case r < 0xE000:
		return false // surrogates
	case r < 0xFFFE:
		return true
	}
	return r >= 0x10000 && r <= 0x10FFFF
}

// appendColumnLetters appends Excel's name for the 1-based column n (A, Z, AA…).
func appendColumnLetters(dst []byte, n int) []byte {
	var tmp [4]byte
	i := len(tmp)
	for n > 0 {
		n--
		i--
		tmp[i] = byte('A' + n%26)
		n /= 26
	}
	return append(dst, tmp[i:]...)
}

func (x *xlsxWriter) flush() error {
	if len(x.buf) == 0 {
		return nil
	}
	_, err := x.sheet.Write(x.buf)
	x.buf = x.buf[:0]
	if err != nil {
		return fmt.Errorf("format: write XLSX sheet: %w", err)
	}
	return nil
}

func (x *xlsxWriter) Close() error {
	if x.closed {
		return nil
	}
	x.closed = true
	if err := x.endSheet(); err != nil {
		return err
	}
	if err := x.writePart("xl/workbook.xml", x.workbook()); err != nil {
		return err
	}
	if err := x.writePart("xl/_rels/workbook.xml.rels", x.workbookRels()); err != nil {
		return err
	}
	if err := x.writePart("[Content_Types].xml", x.contentTypes()); err != nil {
		return err
	}
	if err := x.zw.Close(); err != nil {
		return fmt.Errorf("format: finish XLSX: %w", err)
	}
	return nil
}

// workbook lists the sheets and, per sheet, the hidden name Excel uses to
// remember the autofilter's range.
func (x *xlsxWriter) workbook() string {
	b := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`)
	for i, s := range x.sheets {
		n := strconv.Itoa(i + 1)
		b = append(b, `<sheet name="`...)
		b = appendXMLAttr(b, s.name)
		b = append(b, `" sheetId="`+n+`" r:id="rId`+n+`"/>`...)
	}
	b = append(b, `</sheets><definedNames>`...)
	for i, s := range x.sheets {
		b = append(b, `<definedName name="_xlnm._FilterDatabase" localSheetId="`+strconv.Itoa(i)+`" hidden="1">`...)
		ref := "'" + strings.ReplaceAll(s.name, "'", "''") + "'!$A$1:$"
		ref = string(appendColumnLetters([]byte(ref), len(x.cols))) + "$" + strconv.Itoa(s.rows+1)
		b = appendXMLText(b, []byte(ref))
		b = append(b, `</definedName>`...)
	}
	return string(append(b, `</definedNames></workbook>`...))
}

func (x *xlsxWriter) workbookRels() string {
	b := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := range x.sheets {
		n := strconv.Itoa(i + 1)
		b = append(b, `<Relationship Id="rId`+n+`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet`+n+`.xml"/>`...)
	}
	styles := strconv.Itoa(len(x.sheets) + 1)
	b = append(b, `<Relationship Id="rId`+styles+`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`...)
	return string(append(b, `</Relationships>`...))
}

func (x *xlsxWriter) contentTypes() string {
	b := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`)
	for i := range x.sheets {
		b = append(b, `<Override PartName="/xl/worksheets/sheet`+strconv.Itoa(i+1)+`.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`...)
	}
	return string(append(b, `</Types>`...))
}

// appendXMLAttr appends s escaped for a double-quoted attribute value.
func appendXMLAttr(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			dst = append(dst, "&quot;"...)
		case '&':
			dst = append(dst, "&amp;"...)
		case '<':
			dst = append(dst, "&lt;"...)
		default:
			dst = append(dst, s[i])
		}
	}
	return dst
}

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
	`</Relationships>`

// styles defines the four cell styles the sheets use: default, bold header,
// date and timestamp (custom formats 164 and 165, because the built-in date
// format follows the reader's locale).
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>` +
	`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
	`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
	`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="4">` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`</cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
	`</styleSheet>`
