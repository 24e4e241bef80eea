package format

import (
	"math"
	"testing"
	"time"
)

func TestParseInt(t *testing.T) {
	tests := []struct {
		in     string
		want   int64
		digits int
		ok     bool
	}{
		{"0", 0, 1, true},
		{"-0", 0, 1, true},
		{"42", 42, 2, true},
		{"-42", -42, 2, true},
		{"9223372036854775807", math.MaxInt64, 19, true},
		{"-9223372036854775808", math.MinInt64, 19, true},
		{"9223372036854775808", 0, 0, false},
		{"99999999999999999999", 0, 0, false},
		{"", 0, 0, false},
		{"-", 0, 0, false},
		{"007", 0, 0, false},
		{"1 ", 0, 0, false},
	}
	for _, tt := range tests {
		v, d, ok := parseInt([]byte(tt.in))
		if v != tt.want || d != tt.digits || ok != tt.ok {
			t.Errorf("parseInt(%q) = %d, %d, %v; want %d, %d, %v", tt.in, v, d, ok, tt.want, tt.digits, tt.ok)
		}
	}
}

func TestCheckDecimal(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"6.4", finite}, {"0", finite}, {"-0.5", finite}, {"100", finite}, {"1e+100", finite},
		{"1.5e-07", finite}, {"1E5", finite}, {"123456789012345678901234567890.000001", finite},
		{"NaN", nonFinite}, {"Infinity", nonFinite}, {"-Infinity", nonFinite},
		{"", malformed}, {"-", malformed}, {".5", malformed}, {"5.", malformed}, {"05", malformed},
		{"1,5", malformed}, {"1e", malformed}, {"1e+", malformed}, {"+1", malformed}, {"0x1p3", malformed},
		{"nan", malformed}, {"inf", malformed}, {"1 ", malformed},
	}
	for _, tt := range tests {
		if got := checkDecimal([]byte(tt.in)); got != tt.want {
			t.Errorf("checkDecimal(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestDaysFromCivil compares the hand-written calendar with the time package
// over five thousand years, BC included.
func TestDaysFromCivil(t *testing.T) {
	for d := time.Date(-1000, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 4000; d = d.AddDate(0, 0, 3) {
		want := d.Unix() / 86400 // exact: d is midnight
		if got := daysFromCivil(int64(d.Year()), int(d.Month()), d.Day()); got != want {
			t.Fatalf("daysFromCivil(%s) = %d, want %d", d.Format("2006-01-02"), got, want)
		}
	}
}

func TestParseTimestamp(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min, s, us int) int64 {
		return time.Date(y, m, d, h, min, s, us*1000, time.UTC).UnixMicro()
	}
	tests := []struct {
		in   string
		want int64
		inf  int
	}{
		{"2026-11-24 10:00:00+00", utc(2026, 11, 24, 10, 0, 0, 0), 0},
		{"2026-11-24 10:00:00.123456+00", utc(2026, 11, 24, 10, 0, 0, 123456), 0},
		{"2026-11-24 10:00:00.5+00", utc(2026, 11, 24, 10, 0, 0, 500000), 0},
		{"2026-11-24 10:00:00", utc(2026, 11, 24, 10, 0, 0, 0), 0},
		{"2026-11-24T10:00:00+00", utc(2026, 11, 24, 10, 0, 0, 0), 0},
		{"2026-11-24 10:00:00+05:30", utc(2026, 11, 24, 4, 30, 0, 0), 0},
		{"2026-11-24 10:00:00-03:00:15", utc(2026, 11, 24, 13, 0, 15, 0), 0},
		{"1969-12-31 23:59:59.999999+00", -1, 0},
		{"0044-03-15 12:00:00+00 BC", utc(-43, 3, 15, 12, 0, 0, 0), 0},
		{"12345-01-01 00:00:00+00", utc(12345, 1, 1, 0, 0, 0, 0), 0},
		{"infinity", 0, 1},
		{"-infinity", 0, -1},
	}
	for _, tt := range tests {
		var p pgTime
		if !parseTimestamp([]byte(tt.in), &p) {
			t.Errorf("parseTimestamp(%q) failed", tt.in)
			continue
		}
		if p.inf != tt.inf || (p.inf == 0 && p.micros() != tt.want) {
			t.Errorf("parseTimestamp(%q) = %d (inf %d), want %d (inf %d)", tt.in, p.micros(), p.inf, tt.want, tt.inf)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1970-01-01", 0, true},
		{"2024-02-29", 19782, true},
		{"2000-02-29", 11016, true},
		{"1900-02-29", 0, false},
		{"2026-04-31", 0, false},
		{"0001-01-01 BC", daysFromCivil(0, 1, 1), true},
		{"0004-02-29 BC", 0, false},                       // 4 BC is astronomical year -3: not leap…
		{"0005-02-29 BC", daysFromCivil(-4, 2, 29), true}, // …5 BC is -4: leap
		{"292001-01-01", 0, false},
	}
	for _, tt := range tests {
		var p pgTime
		ok := parseDate([]byte(tt.in), &p)
		if ok != tt.ok || (ok && p.days() != tt.want) {
			t.Errorf("parseDate(%q) = %d, %v; want %d, %v", tt.in, p.days(), ok, tt.want, tt.ok)
		}
	}
}
