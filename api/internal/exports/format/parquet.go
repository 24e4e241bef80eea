package format

import (
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/encoding"
)

// rowGroupRows is how many rows a Parquet row group holds. The writer keeps a
// whole row group's (compressed) pages in memory until it is flushed, so this
// bounds memory; 64k rows of a typical export take well under 10 MB.
const rowGroupRows = 64 << 10

// batchRows is how many rows are handed to parquet-go at once. Its per-call
// work (page size checks, statistics bookkeeping per column) costs more than
// the values themselves when done per row; batching saves about a quarter.
const batchRows = 256

type parquetWriter struct {
	pw        *parquet.GenericWriter[any]
	cols      []Column
	batch     []parquet.Row // batchRows rows of len(cols) values, reused
	n         int           // rows in batch
	arena     []byte        // copies of this batch's byte-array values
	groupRows int
	inGroup   int
	t         pgTime
	count     int64
	closed    bool
}

// NewParquet returns a writer for a Parquet file with one optional column per
// Column, in order: String and UUID as BYTE_ARRAY with the String logical
// type, Int as INT64, Decimal as DOUBLE (NaN and ±Infinity included), Bool as
// BOOLEAN, Date as INT32 DATE and Timestamp as INT64 TIMESTAMP(MICROS,
// adjusted to UTC). PostgreSQL's ±infinity become the values PostgreSQL itself
// stores for them (the extreme int32/int64), as Parquet has no infinity.
// Invalid UTF-8 in strings becomes U+FFFD. Pages are Snappy-compressed,
// chosen over zstd for speed since exports are usually read once. Column
// names must be distinct.
//
// Rows are passed on in batches, so an error from the underlying io.Writer
// may be reported by a later WriteRow than the one whose row failed, or by
// Close.
func NewParquet(w io.Writer, cols []Column) (Writer, error) {
	return newParquet(w, cols, rowGroupRows)
}

// newParquet lets tests use a small row group.
func newParquet(w io.Writer, cols []Column, groupRows int) (*parquetWriter, error) {
	if err := checkColumns(cols); err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(cols))
	fields := make([]parquet.Field, len(cols))
	for i, c := range cols {
		if seen[c.Name] {
			return nil, fmt.Errorf("format: Parquet needs distinct column names; %q appears twice", c.Name)
		}
		seen[c.Name] = true
		fields[i] = &orderedField{Node: parquet.Optional(parquetNode(c.Type)), name: c.Name}
	}
	config, err := parquet.NewWriterConfig(
		parquet.NewSchema("export", orderedGroup(fields)),
		parquet.Compression(&parquet.Snappy),
		parquet.CreatedBy("bic", "", ""),
	)
	if err != nil {
		return nil, fmt.Errorf("format: configure Parquet: %w", err)
	}
	p := &parquetWriter{
		pw:        parquet.NewGenericWriter[any](w, config),
		cols:      cols,
		batch:     make([]parquet.Row, batchRows),
		groupRows: groupRows,
	}
	for i := range p.batch {
		p.batch[i] = make(parquet.Row, len(cols))
	}
	return p, nil
}

func parquetNode(t Type) parquet.Node {
	switch t {
	case Int:
		return parquet.Int(64)
	case Decimal:
		return parquet.Leaf(parquet.DoubleType)
	case Bool:
		return parquet.Leaf(parquet.BooleanType)
	case Date:
		return parquet.Date()
	case Timestamp:
		return parquet.Timestamp(parquet.Microsecond) // adjusted to UTC by default
	}
	return parquet.String()
}

func (p *parquetWriter) WriteRow(cells []Cell) error {
	if p.closed {
		return errClosed
	}
	p.count++
	if len(cells) != len(p.cols) {
		return rowCountError(p.count, len(cells), len(p.cols))
	}
	// Convert the whole row before keeping any of it, so a malformed value
	// leaves nothing behind (byte arrays appended to the arena by the bad
	// row are merely unused).
	row := p.batch[p.n]
	for i, cell := range cells {
		if cell == nil {
			row[i] = parquet.Value{} // NULL: definition level 0
			row[i].SetColumnIndex(i)
			continue
		}
		v, err := p.value(i, cell)
		if err != "" {
			return valueError(p.count, p.cols[i], err)
		}
		// SetDefinitionLevel and SetColumnIndex inline; Level would not.
		row[i] = v
		row[i].SetDefinitionLevel(1) // present
		row[i].SetColumnIndex(i)
	}
	p.n++
	p.inGroup++
	if p.n < len(p.batch) && p.inGroup < p.groupRows {
		return nil
	}
	if err := p.flushBatch(); err != nil {
		return err
	}
	if p.inGroup == p.groupRows {
		p.inGroup = 0
		if err := p.pw.Flush(); err != nil {
			return fmt.Errorf("format: write Parquet row group: %w", err)
		}
	}
	return nil
}

// flushBatch hands the batched rows to parquet-go, which copies them into
// its column buffers, so the arena can be reused.
func (p *parquetWriter) flushBatch() error {
	if p.n == 0 {
		return nil
	}
	_, err := p.pw.WriteRows(p.batch[:p.n])
	p.n = 0
	p.arena = p.arena[:0]
	if err != nil {
		return fmt.Errorf("format: write Parquet rows before row %d: %w", p.count+1, err)
	}
	return nil
}

// value converts one non-NULL value, or says why it is malformed. Byte arrays
// are copied to the arena: the caller may reuse its cells once WriteRow
// returns, and the batch is written later.
func (p *parquetWriter) value(col int, v []byte) (parquet.Value, string) {
	switch p.cols[col].Type {
	case Int:
		n, _, ok := parseInt(v)
		if !ok {
			return parquet.Value{}, "not an integer that fits in 64 bits"
		}
		return parquet.Int64Value(n), ""
	case Decimal:
		if checkDecimal(v) == malformed {
			return parquet.Value{}, "not a number"
		}
		// The syntax is checked, so the only possible error is ErrRange, for
		// which ParseFloat returns ±Inf or 0: as close as a double gets.
		// (Converting to string does not allocate: it does not escape.)
		f, _ := strconv.ParseFloat(string(v), 64)
		return parquet.DoubleValue(f), ""
	case Bool:
		b, ok := parseBool(v)
		if !ok {
			return parquet.Value{}, "not a boolean"
		}
		return parquet.BooleanValue(b), ""
	case Date:
		if !parseDate(v, &p.t) {
			return parquet.Value{}, "not a date"
		}
		switch p.t.inf {
		case 1:
			return parquet.Int32Value(math.MaxInt32), ""
		case -1:
			return parquet.Int32Value(math.MinInt32), ""
		}
		d := p.t.days()
		if d < math.MinInt32 || d > math.MaxInt32 {
			return parquet.Value{}, "date out of range"
		}
		return parquet.Int32Value(int32(d)), ""
	case Timestamp:
		if !parseTimestamp(v, &p.t) {
			return parquet.Value{}, "not a timestamp"
		}
		switch p.t.inf {
		case 1:
			return parquet.Int64Value(math.MaxInt64), ""
		case -1:
			return parquet.Int64Value(math.MinInt64), ""
		}
		return parquet.Int64Value(p.t.micros()), ""
	}
	// The String logical type promises UTF-8 and readers such as Arrow
	// reject anything else; PostgreSQL always sends valid UTF-8, so the
	// repair is only a safety net and the check is the fast path.
	// Values point into the arena; when append moves it, values already
	// made keep the old array alive and unchanged, so they stay valid.
	start := len(p.arena)
	if utf8.Valid(v) {
		p.arena = append(p.arena, v...)
	} else {
		p.arena = appendValidUTF8(p.arena, v)
	}
	return parquet.ByteArrayValue(p.arena[start:len(p.arena):len(p.arena)]), ""
}

func (p *parquetWriter) Close() error {
	if p.closed {
		return nil
	}
	p.closed = true
	if err := p.flushBatch(); err != nil {
		return err
	}
	if err := p.pw.Close(); err != nil {
		return fmt.Errorf("format: finish Parquet: %w", err)
	}
	return nil
}

// orderedGroup is a Parquet group whose fields keep the order given.
// parquet.Group is a map and sorts its fields by name, which would reorder
// the export's columns.
type orderedGroup []parquet.Field

func (g orderedGroup) ID() int                     { return 0 }
func (g orderedGroup) String() string              { return "export" }
func (g orderedGroup) Type() parquet.Type          { return parquet.Group{}.Type() }
func (g orderedGroup) Optional() bool              { return false }
func (g orderedGroup) Repeated() bool              { return false }
func (g orderedGroup) Required() bool              { return true }
func (g orderedGroup) Leaf() bool                  { return false }
func (g orderedGroup) Fields() []parquet.Field     { return g }
func (g orderedGroup) Encoding() encoding.Encoding { return nil }
func (g orderedGroup) Compression() compress.Codec { return nil }
func (g orderedGroup) GoType() reflect.Type        { return reflect.TypeFor[map[string]any]() }

type orderedField struct {
	parquet.Node
	name string
}

func (f *orderedField) Name() string { return f.name }

// Value is only used when writing Go values; this writer writes rows.
func (f *orderedField) Value(base reflect.Value) reflect.Value {
	if base.Kind() == reflect.Map {
		return base.MapIndex(reflect.ValueOf(f.name))
	}
	return reflect.Value{}
}
