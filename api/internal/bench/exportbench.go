package bench

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
)

// exportDatasets are measured, biggest first.
var exportDatasets = []string{"goal_progress", "fit_scores", "goals", "cases"}

var exportFormats = []string{"csv", "ndjson", "xlsx", "parquet"}

// exportResult is one export (or COPY) read to the end.
type exportResult struct {
	Dataset, Format string // Format "copy" is psql's COPY
	Rows            int64
	Bytes           int64
	Elapsed         time.Duration
	// Memory of the server: resident before the export and the peak during it.
	RSSBefore, Peak int64
	Err             error
}

func (r exportResult) rowsPerSec() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Rows) / r.Elapsed.Seconds()
}

// csvRows counts records in CSV: newlines outside quoted fields. Quotes
// inside a field are doubled, which toggles the state twice, so the count
// is exact for RFC 4180. It uses the SIMD-backed bytes functions, so the
// bench spends little CPU next to the server it measures.
type csvRows struct {
	n       int64
	inQuote bool
}

func (c *csvRows) Write(p []byte) (int, error) {
	b := p
	for len(b) > 0 {
		q := bytes.IndexByte(b, '"')
		seg := b
		if q >= 0 {
			seg = b[:q]
		}
		if !c.inQuote {
			c.n += int64(bytes.Count(seg, []byte{'\n'}))
		}
		if q < 0 {
			break
		}
		c.inQuote = !c.inQuote
		b = b[q+1:]
	}
	return len(p), nil
}

type lineCount struct{ n int64 }

func (l *lineCount) Write(p []byte) (int, error) {
	l.n += int64(bytes.Count(p, []byte{'\n'}))
	return len(p), nil
}

type byteCount struct{ n int64 }

func (b *byteCount) Write(p []byte) (int, error) { b.n += int64(len(p)); return len(p), nil }

// runCopy runs the dataset's COPY through psql and reads its output to the
// end, counting bytes and rows as it goes.
func (e *Env) runCopy(ctx context.Context, dbURL, dataset string) exportResult {
	res := exportResult{Dataset: dataset, Format: "copy"}
	stmts, err := e.copyStatements(dataset)
	if err != nil {
		res.Err = err
		return res
	}
	args := []string{"-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbURL}
	for _, s := range stmts {
		args = append(args, "-c", s)
	}
	cmd := exec.CommandContext(ctx, e.PsqlBin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		res.Err = err
		return res
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		res.Err = fmt.Errorf("start psql (BENCH_PSQL): %w", err)
		return res
	}
	rows, size := &csvRows{}, &byteCount{}
	_, cerr := io.CopyBuffer(io.MultiWriter(rows, size), out, make([]byte, 256<<10))
	werr := cmd.Wait()
	res.Elapsed = time.Since(start)
	res.Rows, res.Bytes = rows.n-1, size.n // the header is not a row
	if cerr != nil || werr != nil {
		res.Err = fmt.Errorf("psql COPY of %s: %v %v: %s", dataset, cerr, werr, stderr.String())
	}
	return res
}

// runExport downloads one export from the server and reads it to the end.
// CSV and NDJSON rows are counted while streaming; XLSX and Parquet are
// written to a file and their rows counted after the clock has stopped.
func (e *Env) runExport(ctx context.Context, srv *process, token, dataset, format string) exportResult {
	res := exportResult{Dataset: dataset, Format: format}
	var err error
	if res.RSSBefore, err = rss(srv.Pid()); err != nil {
		res.Err = err
		return res
	}
	if err := resetPeak(srv.Pid()); err != nil {
		res.Err = err
		return res
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/api/v1/exports/"+dataset+"?format="+format, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		res.Err = err
		return res
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 2000))
		res.Err = fmt.Errorf("export %s as %s: %s: %s", dataset, format, resp.Status, b)
		return res
	}
	size := &byteCount{}
	var rows interface{ count() int64 }
	var file string
	buf := make([]byte, 256<<10)
	switch format {
	case "csv":
		c := &csvRows{}
		_, err = io.CopyBuffer(io.MultiWriter(c, size), resp.Body, buf)
		rows = countFunc(func() int64 { return c.n - 1 })
	case "ndjson":
		l := &lineCount{}
		_, err = io.CopyBuffer(io.MultiWriter(l, size), resp.Body, buf)
		rows = countFunc(func() int64 { return l.n })
	default:
		file = filepath.Join(e.OutDir, "export."+format)
		var f *os.File
		if f, err = os.Create(file); err == nil {
			_, err = io.CopyBuffer(io.MultiWriter(f, size), resp.Body, buf)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
	}
	res.Elapsed = time.Since(start)
	res.Bytes = size.n
	if res.Peak, err = peakOr(srv.Pid(), err); err != nil {
		res.Err = fmt.Errorf("export %s as %s: %w", dataset, format, err)
		return res
	}
	switch format {
	case "xlsx":
		res.Rows, res.Err = xlsxRows(file)
	case "parquet":
		res.Rows, res.Err = parquetRows(file)
	default:
		res.Rows = rows.count()
	}
	if file != "" {
		_ = os.Remove(file)
	}
	return res
}

type countFunc func() int64

func (f countFunc) count() int64 { return f() }

func peakOr(pid int, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return peakRSS(pid)
}

// xlsxRows counts the <row> elements of every worksheet, less each sheet's
// header row (a dataset longer than Excel's limit continues on more sheets).
func xlsxRows(path string) (int64, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return 0, fmt.Errorf("read xlsx: %w", err)
	}
	defer z.Close()
	var total int64
	sheets := 0
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		n, err := sheetRows(f)
		if err != nil {
			return 0, fmt.Errorf("read xlsx %s: %w", f.Name, err)
		}
		total += n - 1
		sheets++
	}
	if sheets == 0 {
		return 0, fmt.Errorf("read xlsx: no worksheet")
	}
	return total, nil
}

func sheetRows(f *zip.File) (int64, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	var n int64
	var carry []byte
	buf := make([]byte, 1<<20)
	for {
		k, err := rc.Read(buf)
		chunk := append(carry, buf[:k]...)
		n += int64(bytes.Count(chunk, []byte("<row ")) + bytes.Count(chunk, []byte("<row>")))
		// keep a tail shorter than the pattern, so a match is never counted twice
		tail := min(4, len(chunk))
		carry = append([]byte(nil), chunk[len(chunk)-tail:]...)
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return 0, err
		}
	}
}

func parquetRows(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		return 0, fmt.Errorf("read parquet: %w", err)
	}
	return pf.NumRows(), nil
}
