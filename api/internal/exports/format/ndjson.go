package format

import (
	"fmt"
	"io"
	"unicode/utf8"
)

type ndjsonWriter struct {
	w        io.Writer
	cols     []Column
	prefixes [][]byte // `{"name":` for the first column, `,"name":` for the rest
	buf      []byte
	t        pgTime
	rows     int64
	closed   bool
}

// NewNDJSON returns a writer for newline-delimited JSON: one object per row,
// keys in column order. Int and Decimal values are written as JSON numbers
// (non-finite decimals, which JSON cannot express, as the strings "NaN",
// "Infinity", "-Infinity"), Bool as true/false, NULL as null, and everything
// else as strings. Timestamps are rewritten to RFC 3339 the way PostgreSQL's
// to_json prints them ("2026-11-24T10:00:00.123456+00:00"), because the
// space-separated text form is not ISO 8601 to most JSON consumers;
// timestamps RFC 3339 cannot express (BC, years past 9999, infinity) keep
// their text.
func NewNDJSON(w io.Writer, cols []Column) (Writer, error) {
	if err := checkColumns(cols); err != nil {
		return nil, err
	}
	n := &ndjsonWriter{w: w, cols: cols, buf: make([]byte, 0, bufSize+4096)}
	for i, c := range cols {
		p := []byte{','}
		if i == 0 {
			p[0] = '{'
		}
		p = appendJSONString(p, []byte(c.Name))
		n.prefixes = append(n.prefixes, append(p, ':'))
	}
	return n, nil
}

func (n *ndjsonWriter) WriteRow(cells []Cell) error {
	if n.closed {
		return errClosed
	}
	n.rows++
	if len(cells) != len(n.cols) {
		return rowCountError(n.rows, len(cells), len(n.cols))
	}
	rowStart := len(n.buf)
	for i, cell := range cells {
		n.buf = append(n.buf, n.prefixes[i]...)
		if cell == nil {
			n.buf = append(n.buf, "null"...)
			continue
		}
		if err := n.appendValue(n.cols[i].Type, cell); err != "" {
			n.buf = n.buf[:rowStart] // leave no half row behind
			return valueError(n.rows, n.cols[i], err)
		}
	}
	n.buf = append(n.buf, '}', '\n')
	if len(n.buf) >= bufSize {
		return n.flush()
	}
	return nil
}

// appendValue appends one non-NULL value, or says why it is malformed.
func (n *ndjsonWriter) appendValue(t Type, v []byte) string {
	switch t {
	case Int:
		if _, _, ok := parseInt(v); !ok {
			return "not an integer that fits in 64 bits"
		}
		n.buf = append(n.buf, v...)
	case Decimal:
		switch checkDecimal(v) {
		case finite:
			n.buf = append(n.buf, v...)
		case nonFinite:
			n.buf = append(append(append(n.buf, '"'), v...), '"')
		default:
			return "not a number"
		}
	case Bool:
		b, ok := parseBool(v)
		if !ok {
			return "not a boolean"
		}
		if b {
			n.buf = append(n.buf, "true"...)
		} else {
			n.buf = append(n.buf, "false"...)
		}
	case Date:
		if !parseDate(v, &n.t) {
			return "not a date"
		}
		n.buf = appendJSONString(n.buf, v)
	case Timestamp:
		if !parseTimestamp(v, &n.t) {
			return "not a timestamp"
		}
		n.buf = append(n.buf, '"')
		n.buf = appendRFC3339(n.buf, v, &n.t)
		n.buf = append(n.buf, '"')
	default: // String, UUID
		n.buf = appendJSONString(n.buf, v)
	}
	return ""
}

// appendRFC3339 formats a parsed timestamp as RFC 3339 with a numeric offset,
// or appends its original (JSON-safe: digits, '-', ' ', 'BC', 'infinity')
// text when RFC 3339 cannot express it.
func appendRFC3339(dst, orig []byte, t *pgTime) []byte {
	if t.inf != 0 || t.bc || t.year > 9999 || t.offset%60 != 0 {
		return append(dst, orig...)
	}
	y := int(t.year)
	dst = append(dst, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	dst = appendTwo(dst, t.month, '-')
	dst = appendTwo(dst, t.day, 'T')
	dst = appendTwo(dst, t.hour, ':')
	dst = appendTwo(dst, t.min, ':')
	dst = appendTwo(dst, t.sec, 0)
	if t.micro != 0 {
		var frac [7]byte
		frac[0] = '.'
		us, n := t.micro, 7
		for i := 6; i > 0; i-- {
			frac[i] = byte('0' + us%10)
			us /= 10
		}
		for frac[n-1] == '0' { // trim trailing zeros, as PostgreSQL does
			n--
		}
		dst = append(dst, frac[:n]...)
	}
	off := t.offset
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	dst = append(dst, sign)
	dst = appendTwo(dst, off/3600, ':')
	return appendTwo(dst, off/60%60, 0)
}

// appendTwo appends a two-digit number and, unless sep is 0, a separator.
func appendTwo(dst []byte, v int, sep byte) []byte {
	dst = append(dst, byte('0'+v/10), byte('0'+v%10))
	if sep != 0 {
		dst = append(dst, sep)
	}
	return dst
}

// jsonSafe marks the ASCII bytes that appear unescaped in a JSON string.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string: '"', '\' and control
// characters escaped, invalid UTF-8 replaced by U+FFFD (as encoding/json
// does), and U+2028/U+2029 escaped because JavaScript treats them as line
// ends. Runs of safe bytes are copied in one append.
func appendJSONString(dst, s []byte) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
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
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

func (n *ndjsonWriter) flush() error {
	if len(n.buf) == 0 {
		return nil
	}
	_, err := n.w.Write(n.buf)
	n.buf = n.buf[:0]
	if err != nil {
		return fmt.Errorf("format: write NDJSON: %w", err)
	}
	return nil
}

func (n *ndjsonWriter) Close() error {
	if n.closed {
		return nil
	}
	n.closed = true
	return n.flush()
}
