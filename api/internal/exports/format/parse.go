package format

import "unicode/utf8"

// Parsers for PostgreSQL's text output of typed values. They are hand-written
// rather than built on strconv/time because they run once per cell of
// millions of rows: they never allocate, and they accept exactly what
// PostgreSQL prints (plus a little slack noted per function), so anything else
// is reported as malformed instead of being guessed at.

// parseInt parses an integer as PostgreSQL prints it — an optional '-' and
// digits without leading zeros, which is also JSON's grammar, so NDJSON can
// copy it — that fits in int64 (what Parquet stores). It also returns the
// number of digits, which the XLSX writer needs.
func parseInt(b []byte) (v int64, digits int, ok bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 19 || (b[0] == '0' && len(b) > 1) {
		return 0, 0, false
	}
	var u uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		u = u*10 + uint64(c-'0') // 19 digits cannot overflow uint64
	}
	switch {
	case !neg && u > 1<<63-1, neg && u > 1<<63:
		return 0, 0, false
	case neg:
		return -int64(u), len(b), true
	}
	return int64(u), len(b), true
}

// Results of checkDecimal.
const (
	malformed = iota
	finite    // a number in JSON's grammar
	nonFinite // NaN, Infinity or -Infinity
)

// checkDecimal classifies PostgreSQL's output for numeric, real and double
// precision. Finite values are in JSON's number grammar, so they can be
// copied into JSON and XLSX unchanged; non-finite ones cannot.
func checkDecimal(b []byte) int {
	switch string(b) { // the compiler does not allocate for this conversion
	case "NaN", "Infinity", "-Infinity":
		return nonFinite
	}
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	start := i
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i == start || (b[start] == '0' && i-start > 1) {
		return malformed
	}
	if i < len(b) && b[i] == '.' {
		i++
		start = i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == start {
			return malformed
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		start = i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == start {
			return malformed
		}
	}
	if i != len(b) {
		return malformed
	}
	return finite
}

// parseBool accepts PostgreSQL's output ("t", "f") and the spelled-out form.
func parseBool(b []byte) (v, ok bool) {
	switch string(b) {
	case "t", "true":
		return true, true
	case "f", "false":
		return false, true
	}
	return false, false
}

// pgTime is a parsed date or timestamp. inf is +1/-1 for PostgreSQL's
// "infinity"/"-infinity", which have no calendar fields.
type pgTime struct {
	inf            int
	year           int64 // astronomical: 1 BC is year 0
	month, day     int
	hour, min, sec int
	micro          int // microseconds, 0–999999
	offset         int // seconds east of UTC
	bc             bool
}

// days returns the date as days since 1970-01-01 (proleptic Gregorian).
func (t *pgTime) days() int64 { return daysFromCivil(t.year, t.month, t.day) }

// micros returns the instant as microseconds since 1970-01-01 00:00 UTC.
// The range check in parseDateInto keeps this from overflowing.
func (t *pgTime) micros() int64 {
	secs := t.days()*86400 + int64(t.hour*3600+t.min*60+t.sec) - int64(t.offset)
	return secs*1e6 + int64(t.micro)
}

// maxYear bounds years so that micros cannot overflow int64 (±292 277 years
// around 1970); PostgreSQL's own timestamps end in 294276 AD, so only the
// last two thousand years of its range are refused.
const maxYear = 292000

// parseDate parses "YYYY-MM-DD" (four or more year digits), optionally
// followed by " BC", or "infinity"/"-infinity".
func parseDate(b []byte, t *pgTime) bool {
	*t = pgTime{}
	if inf := parseInfinity(b); inf != 0 {
		t.inf = inf
		return true
	}
	rest, ok := parseDateInto(b, t)
	if !ok {
		return false
	}
	return parseEra(rest, t)
}

// parseTimestamp parses "YYYY-MM-DD HH:MM:SS[.ffffff][±HH[:MM[:SS]]][ BC]"
// or "infinity"/"-infinity". A missing offset means UTC: PostgreSQL omits it
// for timestamp without time zone, which we treat as UTC like the session.
// A 'T' is accepted in place of the space.
func parseTimestamp(b []byte, t *pgTime) bool {
	*t = pgTime{}
	if inf := parseInfinity(b); inf != 0 {
		t.inf = inf
		return true
	}
	b, ok := parseDateInto(b, t)
	if !ok || len(b) < 9 || (b[0] != ' ' && b[0] != 'T') || b[3] != ':' || b[6] != ':' {
		return false
	}
	h, ok1 := two(b[1:])
	m, ok2 := two(b[4:])
	s, ok3 := two(b[7:])
	if !ok1 || !ok2 || !ok3 || h > 23 || m > 59 || s > 59 {
		return false
	}
	t.hour, t.min, t.sec = h, m, s
	b = b[9:]
	if len(b) > 0 && b[0] == '.' {
		n := 1
		for n < len(b) && n <= 7 && b[n] >= '0' && b[n] <= '9' {
			n++
		}
		if n == 1 || n > 7 { // one to six digits: PostgreSQL keeps microseconds
			return false
		}
		us := 0
		for i := 1; i < 7; i++ {
			us *= 10
			if i < n {
				us += int(b[i] - '0')
			}
		}
		t.micro = us
		b = b[n:]
	}
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		sign := 1
		if b[0] == '-' {
			sign = -1
		}
		oh, ok := two(b[1:])
		if !ok || oh > 15 {
			return false
		}
		off := oh * 3600
		b = b[3:]
		for _, mul := range [2]int{60, 1} { // optional :MM, then optional :SS
			if len(b) < 3 || b[0] != ':' {
				break
			}
			v, ok := two(b[1:])
			if !ok || v > 59 {
				return false
			}
			off += v * mul
			b = b[3:]
		}
		t.offset = sign * off
	}
	return parseEra(b, t)
}

func parseInfinity(b []byte) int {
	switch string(b) {
	case "infinity":
		return 1
	case "-infinity":
		return -1
	}
	return 0
}

// parseDateInto reads the date part and returns what follows it.
func parseDateInto(b []byte, t *pgTime) ([]byte, bool) {
	n := 0
	var y int64
	for n < len(b) && b[n] >= '0' && b[n] <= '9' {
		y = y*10 + int64(b[n]-'0')
		n++
		if y > maxYear {
			return nil, false
		}
	}
	if n < 4 || len(b) < n+6 || b[n] != '-' || b[n+3] != '-' {
		return nil, false
	}
	m, ok1 := two(b[n+1:])
	d, ok2 := two(b[n+4:])
	if !ok1 || !ok2 || m < 1 || m > 12 || d < 1 {
		return nil, false
	}
	t.year, t.month, t.day = y, m, d
	return b[n+6:], true
}

// parseEra accepts an optional " BC" suffix, then checks the day of month
// (which depends on the astronomical year, hence after the era is known).
func parseEra(b []byte, t *pgTime) bool {
	if string(b) == " BC" {
		if t.year == 0 {
			return false // there is no year 0 BC
		}
		t.bc = true
		t.year = 1 - t.year
		b = b[3:]
	}
	return len(b) == 0 && t.day <= daysInMonth(t.year, t.month)
}

func two(b []byte) (int, bool) {
	if len(b) < 2 || b[0] < '0' || b[0] > '9' || b[1] < '0' || b[1] > '9' {
		return 0, false
	}
	return int(b[0]-'0')*10 + int(b[1]-'0'), true
}

func daysInMonth(y int64, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil converts a proleptic Gregorian date to days since 1970-01-01
// without the time package (Howard Hinnant's algorithm), so that BC dates and
// years past 9999 work and nothing allocates.
func daysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era-- // floor division
	}
	yoe := y - era*400
	mp := int64((m + 9) % 12)
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// appendValidUTF8 appends s with each byte that is not part of valid UTF-8
// replaced by U+FFFD, as encoding/json does (strings.ToValidUTF8 would merge
// a run of them into one).
func appendValidUTF8(dst, s []byte) []byte {
	start := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, "\ufffd"...)
			start = i + 1
		}
		i += size
	}
	return append(dst, s[start:]...)
}
