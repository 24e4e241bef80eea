package format

import (
	"strconv"
	"strings"
)

// tricky are string values every format must carry without loss (or, where
// the format cannot carry them, with the documented repair).
var tricky = []string{
	"plain",
	";", ",", `"`, `say "hej", then; leave`,
	"cr\ronly", "lf\nonly", "crlf\r\nboth", "\n", "\r\n",
	" leading space", "trailing space ", "  ", "\ttabs\t",
	"emoji 😀👍🏽", "æøå ÆØÅ", "<b>&amp;</b> ]]>", `back\slash`, `\.`,
	"nul\x00 bell\x07 esc\x1b del\x7f", "line\u2028para\u2029",
	"invalid \xff\xfe utf8 \xc3", "noncharacter \uFFFE\uFFFF",
	"", // empty string, distinct from NULL
}

// perByteValid replaces each byte that is not valid UTF-8 by U+FFFD.
func perByteValid(s string) string { return string(appendValidUTF8(nil, []byte(s))) }

// xmlVisible is what an XML-based format can carry of s: valid UTF-8 with
// the characters XML 1.0 forbids removed.
func xmlVisible(s string) string {
	var b strings.Builder
	for _, r := range perByteValid(s) {
		if xmlAllowed(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func cells(vals ...any) []Cell {
	out := make([]Cell, len(vals))
	for i, v := range vals {
		switch v := v.(type) {
		case nil:
		case string:
			out[i] = []byte(v)
		default:
			panic("cells: want string or nil")
		}
	}
	return out
}

// realistic is a ten-column export of the kind the application produces.
var realisticCols = []Column{
	{"id", Int}, {"case_id", UUID}, {"citizen_name", String}, {"email", String},
	{"phase", String}, {"score", Decimal}, {"active", Bool}, {"birth_date", Date},
	{"created_at", Timestamp}, {"note", String},
}

var (
	realisticNames  = []string{"Søren Kierkegaard", "Karen Blixen", "Ærø Østergaard", "H.C. Andersen", "Åse Ødegård-Nielsen"}
	realisticPhases = []string{"sagsaabning", "sagsoplysning", "sagsvurdering", "afgoerelse", "bestilling", "opfoelgning"}
	realisticNotes  = []string{
		`Møde aftalt; borger "glad", ringer igen`,
		"Opfølgning efter samtale med netværk",
		"",
		"Ønsker hjælp til bolig,\nbeskæftigelse og økonomi",
	}
)

// rowSource fills a reused row with realistic, varying values; rows share
// buffers the way a database driver's would, and making a row allocates
// nothing, so benchmarks measure the writers.
type rowSource struct {
	id, score, ts           []byte
	uuid, email, date, t, f []byte
	names, phases, notes    [][]byte
	row                     []Cell
}

func newRowSource() *rowSource {
	bs := func(ss []string) (out [][]byte) {
		for _, s := range ss {
			out = append(out, []byte(s))
		}
		return out
	}
	return &rowSource{
		uuid: []byte("7c9e6679-7425-40de-944b-e07fc1f90ae7"), email: []byte("borger@example.dk"),
		date: []byte("1985-04-12"), t: []byte("t"), f: []byte("f"),
		names: bs(realisticNames), phases: bs(realisticPhases), notes: bs(realisticNotes),
		row: make([]Cell, len(realisticCols)),
	}
}

func (s *rowSource) next(i int) []Cell {
	s.id = strconv.AppendInt(s.id[:0], int64(1_000_000+i), 10)
	s.score = strconv.AppendFloat(s.score[:0], float64(i%1000)/10, 'f', -1, 64)
	s.ts = append(s.ts[:0], "2026-11-24 10:00:00.123456+00"...)
	s.ts[11] = byte('0' + i%2)
	s.ts[12] = byte('0' + i%10)
	s.ts[14] = byte('0' + i%6)
	s.row[0] = s.id
	s.row[1] = s.uuid
	s.row[2] = s.names[i%len(s.names)]
	s.row[3] = s.email
	s.row[4] = s.phases[i%len(s.phases)]
	s.row[5] = s.score
	s.row[6] = s.t
	if i%2 == 1 {
		s.row[6] = s.f
	}
	s.row[7] = s.date
	s.row[8] = s.ts
	s.row[9] = s.notes[i%len(s.notes)]
	if i%7 == 0 {
		s.row[3] = nil // some NULLs
	}
	return s.row
}

func rowBytes(row []Cell) int64 {
	n := 0
	for _, c := range row {
		n += len(c) + 1
	}
	return int64(n)
}
