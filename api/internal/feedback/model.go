// Package feedback holds the citizen's systematic feedback on the work:
// FIT's Outcome Rating Scale (ORS, how life is going, at the start of a
// meeting) and Session Rating Scale (SRS, how the meeting went, at its end),
// the model's three lighter feedback questions, the one-time links a citizen
// uses on their own phone, the server's reading of the scores (reliable and
// clinically significant change, alliance signals), the signals that ask the
// caseworker to close the loop, and the leader's figures.
//
// The scales' published wording is licensed: the item labels BIC ships are
// short names in our own words, and a municipality may load its licensed
// wording per language.
package feedback

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Scale is ORS or SRS.
type Scale string

const (
	ORS Scale = "ors"
	SRS Scale = "srs"
)

// ItemKeys are the four items of each scale, in order.
var ItemKeys = map[Scale][4]string{
	ORS: {"individually", "interpersonally", "socially", "overall"},
	SRS: {"relationship", "goals_and_topics", "approach_or_method", "overall"},
}

// Rater is who gave the rating. A relative or a provider rating on the
// citizen's behalf is a collateral rater and is flagged as such.
type Rater string

const (
	RaterCitizen  Rater = "citizen"
	RaterRelative Rater = "relative"
	RaterProvider Rater = "provider"
)

// Collateral reports whether the rating was given on the citizen's behalf.
func (r Rater) Collateral() bool { return r == RaterRelative || r == RaterProvider }

// Raters lists the valid raters.
var Raters = []string{string(RaterCitizen), string(RaterRelative), string(RaterProvider)}

// EnteredBy is who typed the rating in.
type EnteredBy string

const (
	ByCitizenDevice EnteredBy = "citizen_device"
	ByCaseworker    EnteredBy = "caseworker"
)

// Tenths is a score in tenths of a point: a mark on a 10 cm line read to
// the millimetre. Sums stay exact.
type Tenths int

// Float is the score as a number with one decimal.
func (t Tenths) Float() float64 { return float64(t) / 10 }

func (t Tenths) String() string { return strconv.FormatFloat(t.Float(), 'f', 1, 64) }

// Items are the four item scores of one rating.
type Items [4]Tenths

// Total is the sum of the items, 0–40 points.
func (it Items) Total() Tenths { return it[0] + it[1] + it[2] + it[3] }

var oneDecimal = regexp.MustCompile(`^[0-9]+(\.[0-9])?$`)

// parseItem reads one item from its raw JSON: a JSON number from 0.0 to
// 10.0 with at most one decimal. Anything else is a field error.
func parseItem(f *errs.Fields, field string, raw json.RawMessage) Tenths {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		f.Add(field, "is required")
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || strings.HasPrefix(s, `"`):
		f.Add(field, "must be a number from 0.0 to 10.0")
		return 0
	case v < 0 || v > 10:
		f.Add(field, "must be from 0.0 to 10.0")
		return 0
	case !oneDecimal.MatchString(strings.TrimSuffix(s, "0")) && !oneDecimal.MatchString(s):
		f.Add(field, "must have at most one decimal (a mark read to the millimetre)")
		return 0
	}
	return Tenths(int(v*10 + 0.5))
}

// ParseItems reads the four items of a scale from a JSON object keyed by
// the item keys; unknown keys are refused.
func ParseItems(f *errs.Fields, prefix string, scale Scale, in map[string]json.RawMessage) Items {
	var out Items
	keys := ItemKeys[scale]
	for i, k := range keys {
		out[i] = parseItem(f, prefix+k, in[k])
	}
	for k := range in {
		known := false
		for _, x := range keys {
			known = known || x == k
		}
		if !known {
			f.Add(prefix+k, fmt.Sprintf("is not an item of the %s; use %s", strings.ToUpper(string(scale)), strings.Join(keys[:], ", ")))
		}
	}
	return out
}

// Thresholds are the cut-offs used to read the scores. They live here, in
// one place, with the comparison each one makes. Sources: Miller, Duncan,
// Brown, Sparks & Claud (2003) for the ORS (adult clinical cutoff 25,
// reliable change index 5); Duncan, Miller, Sparks et al. (2003) for the SRS
// (a total below 36 suggests the alliance needs attention). See
// docs/feedback.md.
type Thresholds struct {
	// ORS total strictly below this is in the clinical range.
	ClinicalCutoff Tenths
	// A change of at least this many points (either way) is reliable.
	ReliableChange Tenths
	// SRS total strictly below this is an alliance signal.
	AllianceTotal Tenths
	// Any SRS item strictly below this is an alliance signal too.
	AllianceItem Tenths
}

// DefaultThresholds are the published adult values.
var DefaultThresholds = Thresholds{ClinicalCutoff: 250, ReliableChange: 50, AllianceTotal: 360, AllianceItem: 90}

// Clinical reports whether an ORS total lies in the clinical range.
func (t Thresholds) Clinical(total Tenths) bool { return total < t.ClinicalCutoff }

// Change is the reading of an ORS series.
type Change string

const (
	Improved     Change = "improved"
	Deteriorated Change = "deteriorated"
	NoChange     Change = "no_reliable_change"
	TooShort     Change = "too_few_scores" // fewer than two ORS
)

// Outcome reads an ORS series (oldest first).
type Outcome struct {
	First, Latest         Tenths
	Delta                 Tenths
	Change                Change
	FirstClinical         bool
	LatestClinical        bool
	ClinicallySignificant bool // reliable improvement that crosses the cutoff
	Count                 int
}

// ReadORS classifies a series of ORS totals, oldest first.
func (t Thresholds) ReadORS(series []Tenths) Outcome {
	o := Outcome{Count: len(series), Change: TooShort}
	if len(series) == 0 {
		return o
	}
	o.First, o.Latest = series[0], series[len(series)-1]
	o.FirstClinical, o.LatestClinical = t.Clinical(o.First), t.Clinical(o.Latest)
	if len(series) < 2 {
		return o
	}
	o.Delta = o.Latest - o.First
	switch {
	case o.Delta >= t.ReliableChange:
		o.Change = Improved
	case -o.Delta >= t.ReliableChange:
		o.Change = Deteriorated
	default:
		o.Change = NoChange
	}
	o.ClinicallySignificant = o.Change == Improved && o.FirstClinical && !o.LatestClinical
	return o
}

// Alliance reads one SRS: a signal when the total or any item is low. It
// returns the keys of the low items.
func (t Thresholds) Alliance(items Items) (signal bool, low []string) {
	for i, v := range items {
		if v < t.AllianceItem {
			low = append(low, ItemKeys[SRS][i])
		}
	}
	return items.Total() < t.AllianceTotal || len(low) > 0, low
}

// AnswerValues are the answers to the first two feedback questions.
var AnswerValues = []string{"yes", "partly", "no"}

// Parts a feedback link can open for the citizen.
var Parts = []string{"ors", "srs", "questions", "topics"}

// SignalKind names why the caseworker is asked to close the loop.
type SignalKind string

const (
	SignalAlliance      SignalKind = "alliance"         // SRS below the line
	SignalDeterioration SignalKind = "deterioration"    // reliable ORS deterioration
	SignalChange        SignalKind = "change_requested" // "something should be different"
)
