package format

import (
	"bytes"
	"fmt"
	"io"
)

// bufSize is how much output the text writers collect before writing it on:
// large enough to amortise the call into the io.Writer (often an HTTP
// response), small enough to be irrelevant to memory.
const bufSize = 64 << 10

// utf8BOM makes Excel read a CSV file as UTF-8 instead of the ANSI code page;
// without it, æøå come out as mojibake in Danish Excel.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

type csvWriter struct {
	w      io.Writer
	cols   []Column
	buf    []byte
	delim  byte
	quote  *[256]bool // bytes that force a field to be quoted
	single bool       // one column: a lone `\.` must be quoted, as COPY does
	rows   int64
	closed bool
}

// NewCSV returns a writer for RFC 4180 CSV whose bytes are exactly what
// PostgreSQL's COPY … TO STDOUT (FORMAT csv, HEADER, DELIMITER d) prints once
// NewCRLF has turned its line ends into CRLF: a header row, a field quoted iff
// it contains the delimiter, '"', CR or LF, '"' doubled inside quotes, NULL as
// an empty unquoted field and the empty string as "". Values are copied
// verbatim, whatever their Type (so booleans are "t"/"f", as COPY prints
// them); WriteRow therefore rejects nothing but a wrong cell count.
func NewCSV(w io.Writer, cols []Column, o Options) (Writer, error) {
	if err := checkColumns(cols); err != nil {
		return nil, err
	}
	d := o.Delimiter
	if d == 0 {
		d = ','
	}
	if d != ',' && d != ';' {
		return nil, fmt.Errorf("format: CSV delimiter must be ',' or ';', not %q", d)
	}
	q := new([256]bool)
	q[d], q['"'], q['\r'], q['\n'] = true, true, true, true
	c := &csvWriter{w: w, cols: cols, delim: d, buf: make([]byte, 0, bufSize+4096), quote: q, single: len(cols) == 1}
	if o.BOM {
		c.buf = append(c.buf, utf8BOM...)
	}
	for i, col := range cols {
		if i > 0 {
			c.buf = append(c.buf, d)
		}
		c.appendField([]byte(col.Name))
	}
	c.buf = append(c.buf, '\r', '\n')
	return c, nil
}

func (c *csvWriter) WriteRow(cells []Cell) error {
	if c.closed {
		return errClosed
	}
	c.rows++
	if len(cells) != len(c.cols) {
		return rowCountError(c.rows, len(cells), len(c.cols))
	}
	for i, cell := range cells {
		if i > 0 {
			c.buf = append(c.buf, c.delim)
		}
		if cell != nil {
			c.appendField(cell)
		}
	}
	c.buf = append(c.buf, '\r', '\n')
	if len(c.buf) >= bufSize {
		return c.flush()
	}
	return nil
}

// appendField appends a non-NULL field, quoted if needed.
func (c *csvWriter) appendField(f []byte) {
	if len(f) == 0 {
		// COPY quotes a value equal to its NULL string (empty in CSV mode),
		// which is what keeps '' apart from NULL.
		c.buf = append(c.buf, '"', '"')
		return
	}
	needs := c.single && string(f) == `\.` // else COPY would read it back as end-of-data
	for _, b := range f {
		if c.quote[b] {
			needs = true
			break
		}
	}
	if !needs {
		c.buf = append(c.buf, f...)
		return
	}
	c.buf = append(c.buf, '"')
	for {
		i := bytes.IndexByte(f, '"')
		if i < 0 {
			break
		}
		c.buf = append(c.buf, f[:i+1]...)
		c.buf = append(c.buf, '"')
		f = f[i+1:]
	}
	c.buf = append(c.buf, f...)
	c.buf = append(c.buf, '"')
}

func (c *csvWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	_, err := c.w.Write(c.buf)
	c.buf = c.buf[:0]
	if err != nil {
		return fmt.Errorf("format: write CSV: %w", err)
	}
	return nil
}

func (c *csvWriter) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	return c.flush()
}
