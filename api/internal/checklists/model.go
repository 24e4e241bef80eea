// Package checklists holds the eight principles of recovery-oriented
// rehabilitation as versioned reference data, the per-case checklists that
// ask how each principle was applied in each phase, the phase gate that reads
// them when a case moves on, and the leader's principle × phase overview.
//
// The principle texts and the principle × phase mapping are data, not code:
// the source table is partly uncertain, so a municipality publishes a revised
// set as a new version, and every checklist keeps the version it was created
// with.
package checklists

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Codes of the eight principles, in their numbered order. The set itself is
// national and fixed; a new version may change texts and mapping only.
var Codes = []string{"P1_HOPES", "P2_RESOURCES", "P3_NETWORK", "P4_OPENNESS", "P5_EARLY", "P6_COORDINATED", "P7_FOLLOW_UP", "P8_KNOWLEDGE"}

// Applicability is how much a principle matters in a phase.
type Applicability string

const (
	Core     Applicability = "core"     // the principle plays a special role in the phase
	Optional Applicability = "optional" // implied or uncertain in the source; worth considering
	Other    Applicability = "other"    // not singled out for the phase
)

// Relevant reports whether items of this applicability count towards
// completion.
func (a Applicability) Relevant() bool { return a == Core || a == Optional }

func (a Applicability) rank() int {
	switch a {
	case Core:
		return 0
	case Optional:
		return 1
	}
	return 2
}

// ItemStatus is the caseworker's answer for one principle.
type ItemStatus string

const (
	Open           ItemStatus = "open"
	Applied        ItemStatus = "applied"
	PartlyApplied  ItemStatus = "partly_applied"
	NotApplied     ItemStatus = "not_applied"
	NotRelevantNow ItemStatus = "not_relevant_now"
)

// ItemStatuses lists every status, open first.
var ItemStatuses = []ItemStatus{Open, Applied, PartlyApplied, NotApplied, NotRelevantNow}

func statusNames() []string {
	out := make([]string, len(ItemStatuses))
	for i, s := range ItemStatuses {
		out[i] = string(s)
	}
	return out
}

// Valid reports whether s is a known status.
func (s ItemStatus) Valid() bool {
	for _, x := range ItemStatuses {
		if s == x {
			return true
		}
	}
	return false
}

// Answered reports whether the item has been answered.
func (s ItemStatus) Answered() bool { return s.Valid() && s != Open }

// NeedsNote reports whether the answer must say why: a principle not applied,
// or set aside for now, is explained rather than ticked off.
func (s ItemStatus) NeedsNote() bool { return s == NotApplied || s == NotRelevantNow }

// Localized is a text in Danish and English.
type Localized struct {
	Da string `json:"da"`
	En string `json:"en"`
}

// LocalizedList is a list of texts in Danish and English.
type LocalizedList struct {
	Da []string `json:"da"`
	En []string `json:"en"`
}

// Principle is one principle in one version of the reference data.
type Principle struct {
	Code                string        `json:"code"`
	Number              int           `json:"number"`
	TitleDa             string        `json:"title_da"`
	TitleEn             string        `json:"title_en"`
	Description         Localized     `json:"description"`
	ReflectionQuestions LocalizedList `json:"reflection_questions"`
	Core                []cases.Phase `json:"core"`
	Optional            []cases.Phase `json:"optional"`
}

// In is the principle's applicability in phase p.
func (p Principle) In(ph cases.Phase) Applicability {
	for _, q := range p.Core {
		if q == ph {
			return Core
		}
	}
	for _, q := range p.Optional {
		if q == ph {
			return Optional
		}
	}
	return Other
}

// Set is one published version of the principles.
type Set struct {
	Version         string
	Note            string
	PublishedAt     time.Time
	PublishedByName string
	Principles      []Principle
}

// Principle finds a principle of the set by code.
func (s Set) Principle(code string) (Principle, bool) {
	for _, p := range s.Principles {
		if p.Code == code {
			return p, true
		}
	}
	return Principle{}, false
}

var versionPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$`)

const (
	maxTitle    = 300
	maxDescr    = 1000
	maxQuestion = 500
	maxQuestns  = 10
	maxNote     = 2000
	maxSetNote  = 2000
)

// validateSet checks a set a municipality wants to publish: the eight
// principles, each once and in order, with texts in both languages and a
// mapping onto known phases where no phase is both core and optional.
func validateSet(f *errs.Fields, s Set) {
	if !versionPattern.MatchString(s.Version) {
		f.Add("version", "must be 1 to 50 letters, digits, dots, dashes or underscores, starting with a letter or digit")
	}
	if utf8.RuneCountInString(s.Note) > maxSetNote {
		f.Add("note", fmt.Sprintf("must be at most %d characters", maxSetNote))
	}
	if len(s.Principles) != len(Codes) {
		f.Add("principles", fmt.Sprintf("must list the %d principles, once each", len(Codes)))
		return
	}
	for i, p := range s.Principles {
		at := fmt.Sprintf("principles[%d].", i)
		if p.Code != Codes[i] {
			f.Add(at+"code", "must be "+Codes[i]+" (the principles are listed in their numbered order)")
		}
		if p.Number != i+1 {
			f.Add(at+"number", fmt.Sprintf("must be %d", i+1))
		}
		required(f, at+"title_da", p.TitleDa, maxTitle)
		required(f, at+"title_en", p.TitleEn, maxTitle)
		required(f, at+"description.da", p.Description.Da, maxDescr)
		required(f, at+"description.en", p.Description.En, maxDescr)
		questions(f, at+"reflection_questions.da", p.ReflectionQuestions.Da)
		questions(f, at+"reflection_questions.en", p.ReflectionQuestions.En)
		seen := map[cases.Phase]string{}
		for name, list := range map[string][]cases.Phase{"core": p.Core, "optional": p.Optional} {
			for j, ph := range list {
				field := fmt.Sprintf("%s%s[%d]", at, name, j)
				switch {
				case !ph.Valid():
					f.Add(field, "is not a phase")
				case seen[ph] != "":
					f.Add(field, "is listed twice for the principle; a phase is core or optional, not both")
				}
				seen[ph] = name
			}
		}
	}
}

func required(f *errs.Fields, field, v string, max int) {
	switch n := utf8.RuneCountInString(strings.TrimSpace(v)); {
	case n == 0:
		f.Add(field, "is required")
	case n > max:
		f.Add(field, fmt.Sprintf("must be at most %d characters", max))
	}
}

func questions(f *errs.Fields, field string, qs []string) {
	if len(qs) == 0 || len(qs) > maxQuestns {
		f.Add(field, fmt.Sprintf("must hold 1 to %d questions", maxQuestns))
	}
	for i, q := range qs {
		required(f, fmt.Sprintf("%s[%d]", field, i), q, maxQuestion)
	}
}

// Item is one principle's line in a checklist.
type Item struct {
	Principle     Principle // as worded in the checklist's version
	Applicability Applicability
	Status        ItemStatus
	Note          string
	UpdatedAt     *time.Time
	UpdatedByName string
}

// Checklist is the reflection on the principles for one case in one phase
// (one pass of it), or for one follow-up review while the case is in
// opfølgning.
type Checklist struct {
	ID               uuid.UUID
	CaseID           uuid.UUID
	Phase            cases.Phase
	Iteration        int
	Round            int
	PrincipleVersion string
	Items            []Item // relevant ones first: core, optional, then the rest, each by number
	Current          bool
	Gate             bool       // the one the phase gate reads if the case leaves its phase now
	LeftAt           *time.Time // when the case left the phase (or round)
	CreatedAt        time.Time
	UpdatedAt        time.Time
	Version          int
}

// State summarises a checklist.
type State string

const (
	NotStarted State = "not_started"
	InProgress State = "in_progress"
	Complete   State = "complete"
)

// Completion counts the answered items among the relevant ones.
func (c Checklist) Completion() (answered, relevant int) {
	for _, it := range c.Items {
		if it.Applicability.Relevant() {
			relevant++
			if it.Status.Answered() {
				answered++
			}
		}
	}
	return answered, relevant
}

// State is not started (nothing answered), complete (every relevant item
// answered) or in progress.
func (c Checklist) State() State {
	answered, relevant := c.Completion()
	started := false
	for _, it := range c.Items {
		started = started || it.Status.Answered()
	}
	switch {
	case answered == relevant && started:
		return Complete
	case started:
		return InProgress
	case relevant == 0:
		return Complete
	}
	return NotStarted
}

// OpenCore lists the core items not yet answered.
func (c Checklist) OpenCore() []Item {
	var out []Item
	for _, it := range c.Items {
		if it.Applicability == Core && !it.Status.Answered() {
			out = append(out, it)
		}
	}
	return out
}

// ItemChange answers one principle.
type ItemChange struct {
	Principle string
	Status    string
	Note      string
}
