package format

import (
	"io"
	"runtime"
	"testing"
)

// TestMemoryStaysFlat writes a million realistic rows through each writer
// and checks that the heap in use (after a GC, sampled every 100 000 rows)
// stays under a generous bound: the writers must stream, not accumulate.
// It measures memory, not time.
func TestMemoryStaysFlat(t *testing.T) {
	const rows, every = 1_000_000, 100_000
	tests := []struct {
		f     Format
		limit uint64 // bytes above the heap in use before the writer
	}{
		{CSV, 8 << 20},
		{NDJSON, 8 << 20},
		{XLSX, 8 << 20},
		{Parquet, 64 << 20}, // one row group of pages and column buffers
	}
	for _, tt := range tests {
		t.Run(tt.f.String(), func(t *testing.T) {
			base := heapInUse()
			w, err := New(tt.f, io.Discard, realisticCols, Options{})
			if err != nil {
				t.Fatal(err)
			}
			src := newRowSource()
			var peak uint64
			for i := range rows {
				if err := w.WriteRow(src.next(i)); err != nil {
					t.Fatal(err)
				}
				if (i+1)%every == 0 {
					if h := heapInUse(); h > base && h-base > peak {
						peak = h - base
					}
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: peak heap growth %.1f MB over %d rows", tt.f, float64(peak)/(1<<20), rows)
			if peak > tt.limit {
				t.Errorf("heap grew by %.1f MB, limit %.1f MB", float64(peak)/(1<<20), float64(tt.limit)/(1<<20))
			}
		})
	}
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
