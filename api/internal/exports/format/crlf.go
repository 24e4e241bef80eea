package format

import (
	"bytes"
	"io"
)

// NewCRLF returns a writer that passes PostgreSQL's COPY … TO STDOUT (FORMAT
// csv) output on to w with each record-ending LF turned into CRLF, as RFC 4180
// and our own CSV writer have it. LFs inside quoted fields are data and are
// left alone. It assumes COPY's default QUOTE and ESCAPE ('"'), under which
// every '"' toggles "inside quotes" — a doubled quote toggles twice, which
// keeps the state right — so the state is one bool carried across Writes.
// (Unquoted CR cannot occur: COPY quotes any field that contains one.)
//
// Each Write is transformed into a reused buffer and passed on in a single
// Write before returning; nothing is held back between calls.
func NewCRLF(w io.Writer) io.Writer { return &crlfWriter{w: w} }

type crlfWriter struct {
	w      io.Writer
	quoted bool // inside a quoted field at the end of the last Write
	out    []byte
}

func (c *crlfWriter) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	out := c.out[:0]
	start := 0 // p[start:] is not yet copied to out
	// Next '"' and next LF at or after i, or len(p) if none; found with
	// IndexByte (vectorised) and remembered, so each byte of p is scanned at
	// most once per kind however quotes and LFs interleave.
	q, nl := -1, -1
	for i := 0; i < len(p); {
		if q < i {
			q = indexFrom(p, i, '"')
		}
		if c.quoted {
			if q == len(p) {
				break // the rest is inside quotes
			}
			c.quoted = false
			i = q + 1
			continue
		}
		if nl < i {
			nl = indexFrom(p, i, '\n')
		}
		switch {
		case nl < q: // LF outside quotes ends a record
			out = append(out, p[start:nl]...)
			out = append(out, '\r', '\n')
			start, i = nl+1, nl+1
		case q < len(p):
			c.quoted = true
			i = q + 1
		default:
			i = len(p)
		}
	}
	out = append(out, p[start:]...)
	c.out = out
	if _, err := c.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

func indexFrom(p []byte, i int, b byte) int {
	if j := bytes.IndexByte(p[i:], b); j >= 0 {
		return i + j
	}
	return len(p)
}
