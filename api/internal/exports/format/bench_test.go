package format

import (
	"bytes"
	"io"
	"testing"
)

// The benchmarks write realistic ten-column rows (see rowSource) and discard
// the output. MB/s counts the input text (cells plus one byte per cell), so
// the formats compare on the same footing; rows/s and the output size per
// row are reported alongside.

func benchmarkWriter(b *testing.B, f Format) {
	src := newRowSource()
	var out countingWriter
	w, err := New(f, &out, realisticCols, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(rowBytes(src.next(0)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if err := w.WriteRow(src.next(i)); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(out)/float64(b.N), "out-B/row")
}

// countingWriter discards what it is given and counts it.
type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

func BenchmarkCSV(b *testing.B)     { benchmarkWriter(b, CSV) }
func BenchmarkNDJSON(b *testing.B)  { benchmarkWriter(b, NDJSON) }
func BenchmarkXLSX(b *testing.B)    { benchmarkWriter(b, XLSX) }
func BenchmarkParquet(b *testing.B) { benchmarkWriter(b, Parquet) }

// BenchmarkCRLF feeds COPY-style output (LF line ends) through NewCRLF, once
// as one Write per record — what pgx's CopyTo does, one per CopyData
// message — and once in 64 KiB chunks.
func BenchmarkCRLF(b *testing.B) {
	const n = 10_000
	src := newRowSource()
	var stream bytes.Buffer
	cw, err := NewCSV(&stream, realisticCols, Options{})
	if err != nil {
		b.Fatal(err)
	}
	c := cw.(*csvWriter)
	records := [][]byte{lf(c.buf)}
	c.buf = c.buf[:0]
	for i := range n {
		if err := c.WriteRow(src.next(i)); err != nil {
			b.Fatal(err)
		}
		records = append(records, lf(c.buf))
		c.buf = c.buf[:0]
	}
	all := bytes.Join(records, nil)

	b.Run("per-record", func(b *testing.B) {
		w := NewCRLF(io.Discard)
		b.SetBytes(int64(len(all) / len(records)))
		b.ReportAllocs()
		for i := range b.N {
			if _, err := w.Write(records[i%len(records)]); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	b.Run("64KiB", func(b *testing.B) {
		w := NewCRLF(io.Discard)
		b.SetBytes(int64(len(all)))
		b.ReportAllocs()
		for range b.N {
			for p := all; len(p) > 0; {
				k := min(len(p), 64<<10)
				if _, err := w.Write(p[:k]); err != nil {
					b.Fatal(err)
				}
				p = p[k:]
			}
		}
		b.ReportMetric(float64(b.N*len(records))/b.Elapsed().Seconds(), "rows/s")
	})
}

// lf turns our CRLF record ends back into COPY's LF. The realistic data has
// no CR of its own, so every CRLF is a record end.
func lf(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")) }

// BenchmarkRowSource is the cost of producing the benchmark rows, included
// in every writer benchmark above; subtract it to see the writer alone.
func BenchmarkRowSource(b *testing.B) {
	src := newRowSource()
	for i := range b.N {
		src.next(i)
	}
}
