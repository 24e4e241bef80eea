package feedback

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

func tenths(vs ...float64) []Tenths {
	out := make([]Tenths, len(vs))
	for i, v := range vs {
		out[i] = Tenths(int(v*10 + 0.5))
	}
	return out
}

// Series worked out by hand against the defaults: clinical below 25,
// reliable change at 5 or more, alliance below 36 or an item below 9.
func TestReadingAnORSSeries(t *testing.T) {
	tests := []struct {
		name                        string
		series                      []Tenths
		change                      Change
		delta                       float64
		firstClinical, latestClinic bool
		significant                 bool
	}{
		{"no score yet", nil, TooShort, 0, false, false, false},
		{"one score is too few to read a change", tenths(18.0), TooShort, 0, true, true, false},
		{"up 5.0 is a reliable improvement", tenths(20.0, 22.0, 25.0), Improved, 5.0, true, false, true},
		{"up 4.9 is no reliable change", tenths(20.0, 24.9), NoChange, 4.9, true, true, false},
		{"down 5.0 is a reliable deterioration", tenths(30.0, 27.1, 25.0), Deteriorated, -5.0, false, false, false},
		{"down 4.9 is no reliable change", tenths(30.0, 25.1), NoChange, -4.9, false, false, false},
		{"improving within the clinical range is reliable but not clinically significant", tenths(10.0, 16.5), Improved, 6.5, true, true, false},
		{"improving above the cutoff from the start is not clinically significant", tenths(26.0, 33.0), Improved, 7.0, false, false, false},
		{"ending exactly at 25 has crossed the cutoff", tenths(19.9, 25.0), Improved, 5.1, true, false, true},
		{"only first and latest count, not the way between", tenths(20.0, 35.0, 21.0), NoChange, 1.0, true, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := DefaultThresholds.ReadORS(tc.series)
			if o.Change != tc.change || o.Delta.Float() != tc.delta || o.FirstClinical != tc.firstClinical ||
				o.LatestClinical != tc.latestClinic || o.ClinicallySignificant != tc.significant {
				t.Errorf("got %+v", o)
			}
		})
	}
}

func TestAllianceSignal(t *testing.T) {
	tests := []struct {
		name   string
		items  []float64
		signal bool
		low    string
	}{
		{"all 9.0 make 36.0: no signal", []float64{9.0, 9.0, 9.0, 9.0}, false, ""},
		{"a total of 35.9 is a signal", []float64{9.5, 9.5, 9.0, 7.9}, true, "overall"},
		{"one item at 8.9 is a signal even with a high total", []float64{10, 10, 8.9, 10}, true, "approach_or_method"},
		{"high scores: no signal", []float64{9.8, 9.6, 9.9, 9.7}, false, ""},
		{"two low items are both named", []float64{8.0, 10, 10, 8.5}, true, "relationship,overall"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var it Items
			copy(it[:], tenths(tc.items...))
			signal, low := DefaultThresholds.Alliance(it)
			if signal != tc.signal || strings.Join(low, ",") != tc.low {
				t.Errorf("signal %v low %v", signal, low)
			}
		})
	}
}

func TestItemsAreOneDecimalFromZeroToTen(t *testing.T) {
	tests := []struct {
		raw  string
		want Tenths
		msg  string
	}{
		{"0", 0, ""}, {"0.0", 0, ""}, {"10", 100, ""}, {"10.0", 100, ""}, {"3.1", 31, ""}, {"7.5", 75, ""}, {"3.10", 31, ""},
		{"-0.1", 0, "must be from 0.0 to 10.0"},
		{"10.1", 0, "must be from 0.0 to 10.0"},
		{"3.14", 0, "must have at most one decimal (a mark read to the millimetre)"},
		{`"text"`, 0, "must be a number from 0.0 to 10.0"},
		{`"5"`, 0, "must be a number from 0.0 to 10.0"},
		{"null", 0, "is required"},
		{"", 0, "is required"},
	}
	for _, tc := range tests {
		t.Run(tc.raw, func(t *testing.T) {
			var f errs.Fields
			got := parseItem(&f, "x", json.RawMessage(tc.raw))
			msg := ""
			if l := f.List(); len(l) > 0 {
				msg = l[0].Message
			}
			if got != tc.want || msg != tc.msg {
				t.Errorf("parse %s = %d %q, want %d %q", tc.raw, got, msg, tc.want, tc.msg)
			}
		})
	}
	t.Run("the total is the exact sum", func(t *testing.T) {
		it := Items{31, 75, 100, 4}
		if it.Total() != 210 || it.Total().String() != "21.0" {
			t.Errorf("total %v", it.Total())
		}
	})
}
