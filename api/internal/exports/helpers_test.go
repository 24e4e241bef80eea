package exports_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/parquet-go/parquet-go"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/demo"
	"github.com/borgeren-i-centrum/bic/api/internal/exports"
	"github.com/borgeren-i-centrum/bic/api/internal/exports/format"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/secrets"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// municipality is the demo municipality plus a team and a case whose texts
// carry everything CSV must quote: ; , " newlines and Danish letters.
type municipality struct {
	env                               *testkit.Env
	tricky, nord                      identity.Team
	leader, caseworker, analyst, boss testkit.User // boss: the admin
	otherLeader                       testkit.User
	key                               string // pseudonym key
}

const trickyTeamName = `Team "Æblehaven"; Øst, Å`

func seed(t *testing.T, dialect string) *municipality {
	t.Helper()
	env := testkit.Start(t, dialect)
	if _, err := demo.Ensure(context.Background(), env.App, demo.Options{DataDir: t.TempDir(), Password: "demo-password-for-tests"}); err != nil {
		t.Fatalf("demo data: %v", err)
	}
	m := &municipality{env: env}
	teams, err := env.App.Identity.ListTeams(context.Background(), actor.Actor{Role: actor.RoleAdmin})
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range teams {
		if tm.Name == "Team Nord" {
			m.nord = tm
		}
	}
	m.tricky = env.Team(trickyTeamName)
	other := env.Team("Team Vest")
	m.leader = env.User(actor.RoleLeader, m.tricky, m.nord)
	m.otherLeader = env.User(actor.RoleLeader, other)
	m.caseworker = env.User(actor.RoleCaseworker, m.tricky)
	m.analyst = env.User(actor.RoleAnalyst)
	m.boss = env.User(actor.RoleAdmin)
	c := env.Case(m.caseworker, m.tricky, func(c *cases.NewCase) {
		c.CitizenName = "Åse \"Lille Ø\"; Bøgh-Ærø"
		c.LegalBasisNote = "Første linje; med \"citat\"\nanden linje, æøå ÆØÅ\ntredje"
	})
	// The demo has no follow-up reviews yet; one written straight to the
	// table gives the followups dataset a row.
	sqlDB, err := env.App.DB.SQL()
	if err != nil {
		t.Fatal(err)
	}
	ins := "INSERT INTO follow_ups (id, case_id, held_on, next_follow_up_date, note, items, created_at, created_by) VALUES ($1, $2, $3, $4, $5, '[]', $6, $7)"
	if dialect == "sqlite" {
		ins = strings.NewReplacer("$1", "?", "$2", "?", "$3", "?", "$4", "?", "$5", "?", "$6", "?", "$7", "?").Replace(ins)
	}
	if _, err := sqlDB.Exec(ins, uuid.NewString(), c.ID.String(), "2026-11-01", "2027-02-01", "Opfølgning; \"god\" dialog\nnæste gang i Århus", time.Now().UTC(), m.caseworker.ID.String()); err != nil {
		t.Fatalf("follow-up: %v", err)
	}
	box, err := secrets.New(env.App.Config.EncryptionKey)
	if err != nil {
		t.Fatal(err)
	}
	m.key = box.PseudonymKey()
	return m
}

// table is an export read back: header and rows as text in the canonical
// form (as PostgreSQL prints values; times to the millisecond, since Excel
// keeps no more).
type table struct {
	header []string
	rows   [][]string
	nulls  [][]bool
}

func (tb table) col(name string) int {
	for i, h := range tb.header {
		if h == name {
			return i
		}
	}
	return -1
}

func (tb table) column(name string) []string {
	i := tb.col(name)
	if i < 0 {
		return nil
	}
	out := make([]string, len(tb.rows))
	for r, row := range tb.rows {
		out[r] = row[i]
	}
	return out
}

// sorted returns the rows as sorted lines, for comparing files whose rows
// come in no particular order. Columns in skip are left out.
func (tb table) sorted(skip ...int) []string {
	out := make([]string, len(tb.rows))
	for i, r := range tb.rows {
		var b strings.Builder
		for j, v := range r {
			if slices.Contains(skip, j) {
				b.WriteString("…")
			} else if tb.nulls[i][j] {
				b.WriteString("∅")
			} else {
				b.WriteString(strconv.Quote(v))
			}
			b.WriteByte('|')
		}
		out[i] = b.String()
	}
	sort.Strings(out)
	return out
}

func types(d exports.Dataset, identifiable bool) []format.Type {
	var out []format.Type
	for _, c := range d.Visible(identifiable) {
		out = append(out, c.Type)
	}
	return out
}

// canonical brings a text value to the comparison form of its type.
func canonical(t testing.TB, v string, ty format.Type) string {
	switch ty {
	case format.Timestamp:
		tm, err := time.Parse("2006-01-02 15:04:05.999999-07", v)
		if err != nil {
			tm, err = time.Parse(time.RFC3339Nano, v) // NDJSON
		}
		if err != nil {
			t.Fatalf("timestamp %q: %v", v, err)
		}
		return tm.UTC().Round(time.Millisecond).Format("2006-01-02 15:04:05.000")
	case format.Decimal:
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("decimal %q: %v", v, err)
		}
		return strconv.FormatFloat(f, 'f', 1, 64)
	}
	return v
}

func parseCSV(t testing.TB, body []byte, delim rune, tys []format.Type) table {
	t.Helper()
	body = bytes.TrimPrefix(body, []byte{0xEF, 0xBB, 0xBF})
	// encoding/csv loses the difference between "" and an empty field, so
	// NULL is found by looking at the raw record for an unquoted empty field.
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma = delim
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	raw := rawEmpty(body, byte(delim))
	tb := table{header: recs[0]}
	for i, rec := range recs[1:] {
		nulls := make([]bool, len(rec))
		for j := range rec {
			nulls[j] = raw[i+1][j]
			if !nulls[j] {
				rec[j] = canonical(t, rec[j], tys[j])
			}
		}
		tb.rows = append(tb.rows, rec)
		tb.nulls = append(tb.nulls, nulls)
	}
	return tb
}

// rawEmpty marks, per record and field, the unquoted empty fields (NULL).
func rawEmpty(b []byte, delim byte) [][]bool {
	var out [][]bool
	var rec []bool
	inQ, fieldStart, quoted := false, true, false
	empty := true
	end := func() { rec = append(rec, empty && !quoted) }
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inQ && c == '"' && i+1 < len(b) && b[i+1] == '"':
			i++
			empty = false
		case inQ && c == '"':
			inQ = false
		case inQ:
			empty = false
		case c == '"' && fieldStart:
			inQ, quoted = true, true
		case c == delim:
			end()
			fieldStart, quoted, empty = true, false, true
			continue
		case c == '\r':
			continue
		case c == '\n':
			end()
			out = append(out, rec)
			rec, fieldStart, quoted, empty = nil, true, false, true
			continue
		default:
			empty = false
		}
		fieldStart = false
	}
	return out
}

func parseNDJSON(t testing.TB, body []byte, d exports.Dataset, identifiable bool) table {
	t.Helper()
	cols := d.Visible(identifiable)
	tb := table{}
	for _, c := range cols {
		tb.header = append(tb.header, c.Name)
	}
	for n, line := range bytes.Split(bytes.TrimSuffix(body, []byte("\n")), []byte("\n")) {
		if len(line) == 0 {
			break
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		var obj map[string]any
		if err := dec.Decode(&obj); err != nil {
			t.Fatalf("NDJSON line %d: %v", n+1, err)
		}
		if len(obj) != len(cols) {
			t.Fatalf("NDJSON line %d has %d keys, want %d", n+1, len(obj), len(cols))
		}
		row, nulls := make([]string, len(cols)), make([]bool, len(cols))
		for i, c := range cols {
			switch v := obj[c.Name].(type) {
			case nil:
				nulls[i] = true
			case string:
				if c.Type == format.Int || c.Type == format.Decimal || c.Type == format.Bool {
					t.Fatalf("NDJSON %s is a string, want a %s", c.Name, c.Type)
				}
				row[i] = canonical(t, v, c.Type)
			case json.Number:
				row[i] = canonical(t, v.String(), c.Type)
			case bool:
				row[i] = strconv.FormatBool(v)
			default:
				t.Fatalf("NDJSON %s: unexpected %T", c.Name, v)
			}
		}
		tb.rows, tb.nulls = append(tb.rows, row), append(tb.nulls, nulls)
	}
	return tb
}

// parseXLSX reads every sheet of a workbook written by the export.
func parseXLSX(t testing.TB, body []byte, d exports.Dataset, identifiable bool) table {
	t.Helper()
	cols := d.Visible(identifiable)
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("XLSX is not a zip: %v", err)
	}
	var sheets []*zip.File
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			sheets = append(sheets, f)
		}
	}
	sort.Slice(sheets, func(i, j int) bool {
		return len(sheets[i].Name) < len(sheets[j].Name) || sheets[i].Name < sheets[j].Name
	})
	type cell struct {
		R  string `xml:"r,attr"`
		T  string `xml:"t,attr"`
		V  string `xml:"v"`
		Is struct {
			T string `xml:"t"`
		} `xml:"is"`
	}
	type row struct {
		Cells []cell `xml:"c"`
	}
	type sheet struct {
		Rows []row `xml:"sheetData>row"`
	}
	tb := table{}
	for _, c := range cols {
		tb.header = append(tb.header, c.Name)
	}
	for _, f := range sheets {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var sh sheet
		if err := xml.NewDecoder(rc).Decode(&sh); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		rc.Close()
		for ri, r := range sh.Rows {
			if ri == 0 {
				continue // the header
			}
			vals, nulls := make([]string, len(cols)), make([]bool, len(cols))
			for i := range nulls {
				nulls[i] = true
			}
			for ci, c := range r.Cells {
				i := ci // a cell without a reference follows the one before
				if c.R != "" {
					i = colIndex(c.R)
				}
				if i < 0 || i >= len(cols) {
					t.Fatalf("cell %s outside the columns", c.R)
				}
				ty := cols[i].Type
				if c.T != "inlineStr" && c.V == "" {
					continue // an empty cell is NULL; an empty text is an empty inline string
				}
				nulls[i] = false
				switch {
				case c.T == "inlineStr":
					vals[i] = canonical(t, c.Is.T, ty)
				case c.T == "b":
					vals[i] = strconv.FormatBool(c.V == "1")
				case ty == format.Date || ty == format.Timestamp:
					vals[i] = fromSerial(t, c.V, ty)
				default:
					vals[i] = canonical(t, c.V, ty)
				}
			}
			tb.rows, tb.nulls = append(tb.rows, vals), append(tb.nulls, nulls)
		}
	}
	return tb
}

func colIndex(ref string) int {
	n := 0
	for _, r := range ref {
		if r < 'A' || r > 'Z' {
			break
		}
		n = n*26 + int(r-'A'+1)
	}
	return n - 1
}

// fromSerial turns an Excel date serial (days since 1899-12-30) into text.
func fromSerial(t testing.TB, v string, ty format.Type) string {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("date serial %q: %v", v, err)
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	us := int64(math.Round(f * 86400 * 1e6))
	tm := base.Add(time.Duration(us) * time.Microsecond).Round(time.Millisecond)
	if ty == format.Date {
		return tm.Format(time.DateOnly)
	}
	return tm.Format("2006-01-02 15:04:05.000")
}

func parseParquet(t testing.TB, body []byte, d exports.Dataset, identifiable bool) table {
	t.Helper()
	cols := d.Visible(identifiable)
	f, err := parquet.OpenFile(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("Parquet does not open: %v", err)
	}
	tb := table{}
	for _, c := range cols {
		tb.header = append(tb.header, c.Name)
	}
	// The file's own column order, by name.
	pos := map[string]int{}
	for i, fd := range f.Schema().Fields() {
		pos[fd.Name()] = i
	}
	r := parquet.NewReader(bytes.NewReader(body))
	buf := make([]parquet.Row, 64)
	for {
		n, err := r.ReadRows(buf)
		for _, pr := range buf[:n] {
			vals, nulls := make([]string, len(cols)), make([]bool, len(cols))
			byCol := map[int]parquet.Value{}
			for _, v := range pr {
				byCol[v.Column()] = v
			}
			for i, c := range cols {
				v, ok := byCol[pos[c.Name]]
				if !ok || v.IsNull() {
					nulls[i] = true
					continue
				}
				switch c.Type {
				case format.Int:
					vals[i] = strconv.FormatInt(v.Int64(), 10)
				case format.Decimal:
					vals[i] = strconv.FormatFloat(v.Double(), 'f', 1, 64)
				case format.Bool:
					vals[i] = strconv.FormatBool(v.Boolean())
				case format.Date:
					vals[i] = time.Unix(int64(v.Int32())*86400, 0).UTC().Format(time.DateOnly)
				case format.Timestamp:
					vals[i] = time.UnixMicro(v.Int64()).UTC().Round(time.Millisecond).Format("2006-01-02 15:04:05.000")
				default:
					vals[i] = string(v.ByteArray())
				}
			}
			tb.rows, tb.nulls = append(tb.rows, vals), append(tb.nulls, nulls)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("Parquet rows: %v", err)
		}
	}
	return tb
}

// pull exports dataset with the query and checks the status.
func (m *municipality) pull(t testing.TB, token, dataset, query string, headers ...string) testkit.Response {
	t.Helper()
	path := "/api/v1/exports/" + dataset
	if query != "" {
		path += "?" + query
	}
	r := m.env.Do(http.MethodGet, path, token, nil, headers...)
	if r.Status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, r.Status, r.Body)
	}
	return r
}

// read parses an export in the given format.
func read(t testing.TB, f string, body []byte, d exports.Dataset, identifiable bool) table {
	t.Helper()
	switch f {
	case "csv":
		return parseCSV(t, body, ',', types(d, identifiable))
	case "csv;":
		return parseCSV(t, body, ';', types(d, identifiable))
	case "ndjson":
		return parseNDJSON(t, body, d, identifiable)
	case "xlsx":
		return parseXLSX(t, body, d, identifiable)
	case "parquet":
		return parseParquet(t, body, d, identifiable)
	}
	panic(fmt.Sprint("no parser for ", f))
}
