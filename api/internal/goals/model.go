// Package goals owns SMART goals (with one level of sub-goals), their status
// history, progress measured from the citizen's and the caseworker's side,
// Goal Attainment Scaling, follow-up reviews, and the citizen's plan ("Min
// plan"). Access follows the case: a goal is visible exactly when its case is.
package goals

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Status of a goal. In-progress goals are active or adjusted; achieved and
// discontinued goals are finished but can be resumed. Nothing finishes a goal
// automatically.
type Status string

const (
	Draft        Status = "draft"
	Active       Status = "active"
	Achieved     Status = "achieved"
	Adjusted     Status = "adjusted" // still worked on, in a form changed at a follow-up
	Discontinued Status = "discontinued"
)

// InProgress reports whether the goal is being worked on.
func (s Status) InProgress() bool { return s == Active || s == Adjusted }

var transitions = map[Status][]Status{
	Draft:        {Active, Discontinued},
	Active:       {Achieved, Adjusted, Discontinued},
	Adjusted:     {Active, Achieved, Discontinued},
	Achieved:     {Active},
	Discontinued: {Active},
}

// CanMoveTo reports whether s → to is allowed.
func (s Status) CanMoveTo(to Status) bool {
	for _, t := range transitions[s] {
		if t == to {
			return true
		}
	}
	return false
}

// Next steps that must be named when a goal is marked achieved, so that
// reaching a goal never silently ends the citizen's support.
var NextStepKinds = []string{"new_goal", "adjusted_support", "agreed_end"}

// Horizons, participant kinds, raters.
var (
	Horizons         = []string{"short", "long"}
	ParticipantKinds = []string{"citizen", "caseworker", "provider", "network"}
	Raters           = []string{"citizen", "caseworker", "provider"}
	Statuses         = []string{string(Draft), string(Active), string(Achieved), string(Adjusted), string(Discontinued)}
	Decisions        = []string{"keep", "adjust", "end"}
)

// Participant is someone who takes part in reaching the goal.
type Participant struct {
	Kind string `json:"kind"`
	Name string `json:"name,omitempty"` // e.g. the provider or the network person
	Task string `json:"task,omitempty"` // what they do
}

// GASLevels describe the five Goal Attainment Scaling outcomes.
type GASLevels struct {
	MuchLess string `json:"minus2"`
	Less     string `json:"minus1"`
	Expected string `json:"zero"`
	More     string `json:"plus1"`
	MuchMore string `json:"plus2"`
}

// Goal is a SMART goal.
type Goal struct {
	ID                  uuid.UUID
	CaseID              uuid.UUID
	ParentID            *uuid.UUID
	DreamID             *uuid.UUID
	Title               string
	Specific            string
	MeasurableIndicator string
	MeasurableTarget    string
	AchievableSteps     string
	AchievableResources string
	Relevant            string
	TargetDate          *time.Time
	Horizon             string
	Participants        []Participant
	Status              Status
	NextStepKind        string
	NextStepNote        string
	GASLevels           *GASLevels
	GASAttained         *int
	CreatedAt           time.Time
	UpdatedAt           time.Time
	Version             int
	History             []StatusChange
}

// StatusChange is one entry in a goal's status history.
type StatusChange struct {
	From, To     Status
	Reason       string
	NextStepKind string
	NextStepNote string
	OccurredAt   time.Time
	ActorID      uuid.UUID
	ActorName    string
}

// Criterion is one SMART criterion and whether the goal meets it.
type Criterion struct {
	Key      string // specific, measurable, achievable, relevant, time_bound
	Met      bool
	HintCode string // stable code, translated by the web app
	Hint     string // plain-language hint in English
	Fields   []string
}

// Check computes the SMART criteria of g. today is the service's date; a
// target date in the past fails time-bound (the goal could not be activated).
func Check(g Goal, today time.Time) []Criterion {
	words := func(s string, n int) bool { return len(strings.Fields(s)) >= n }
	var out []Criterion
	add := func(key string, met bool, code, hint string, fields ...string) {
		c := Criterion{Key: key, Met: met, Fields: fields}
		if !met {
			c.HintCode, c.Hint = code, hint
		}
		out = append(out, c)
	}
	add("specific", strings.TrimSpace(g.Title) != "" && words(g.Specific, 3), "describe_change",
		"Describe in a few words what will be different for the citizen when the goal is reached.", "specific")
	switch {
	case strings.TrimSpace(g.MeasurableIndicator) == "":
		add("measurable", false, "missing_indicator", "Say what you will look at to see progress (for example: trips by bus per week).", "measurable_indicator")
	case strings.TrimSpace(g.MeasurableTarget) == "":
		add("measurable", false, "missing_target", "Say what number or state counts as reached (for example: two trips a week).", "measurable_target")
	default:
		add("measurable", true, "", "")
	}
	switch {
	case strings.TrimSpace(g.AchievableSteps) == "":
		add("achievable", false, "missing_steps", "Write the first steps towards the goal.", "achievable_steps")
	case strings.TrimSpace(g.AchievableResources) == "":
		add("achievable", false, "missing_resources", "Write which of the citizen's own resources the goal builds on.", "achievable_resources")
	default:
		add("achievable", true, "", "")
	}
	switch {
	case strings.TrimSpace(g.Relevant) == "":
		add("relevant", false, "missing_why", "Write, in the citizen's words, why the goal matters to them.", "relevant")
	case g.ParentID == nil && g.DreamID == nil:
		add("relevant", false, "missing_dream", "Choose the hope, wish or dream the goal serves.", "dream_id")
	default:
		add("relevant", true, "", "")
	}
	switch {
	case g.TargetDate == nil:
		add("time_bound", false, "missing_date", "Choose a date by which the goal should be reached.", "target_date")
	case g.TargetDate.Before(today):
		add("time_bound", false, "date_passed", "The target date has passed. Choose a new date.", "target_date")
	default:
		add("time_bound", true, "", "")
	}
	return out
}

// SMART reports whether every criterion is met.
func SMART(cs []Criterion) bool {
	for _, c := range cs {
		if !c.Met {
			return false
		}
	}
	return true
}

// ActivationError turns unmet criteria into a 422 naming each field.
func ActivationError(cs []Criterion) error {
	var f errs.Fields
	for _, c := range cs {
		if !c.Met {
			for _, field := range c.Fields {
				f.Add(field, c.Hint)
			}
		}
	}
	if err := f.Err(); err != nil {
		e, _ := errs.As(err)
		e.Message = "The goal is not SMART yet, so it cannot become active."
		return e
	}
	return nil
}

// GASTScore is the Kiresuk–Sherman T-score over attained levels x_i with
// equal weights: T = 50 + 10·Σx / √((1−ρ)·n + ρ·n²), ρ = 0.3. It is 50 when
// every goal lands on its expected outcome.
func GASTScore(attained []int) (float64, bool) {
	n := float64(len(attained))
	if n == 0 {
		return 0, false
	}
	const rho = 0.3
	sum := 0.0
	for _, x := range attained {
		sum += float64(x)
	}
	t := 50 + 10*sum/math.Sqrt((1-rho)*n+rho*n*n)
	return math.Round(t*10) / 10, true
}

const (
	maxTitle = 300
	maxText  = 4000
)

func text(f *errs.Fields, field, v string, max int, required bool) string {
	v = strings.TrimSpace(v)
	if required && v == "" {
		f.Add(field, "is required")
	}
	if utf8.RuneCountInString(v) > max {
		f.Add(field, fmt.Sprintf("must be at most %d characters", max))
	}
	return v
}

func oneOf(f *errs.Fields, field, v string, allowed []string, required bool) {
	if v == "" {
		if required {
			f.Add(field, "is required")
		}
		return
	}
	for _, a := range allowed {
		if a == v {
			return
		}
	}
	f.Add(field, "must be one of "+strings.Join(allowed, ", "))
}

func parseDate(f *errs.Fields, field, v string, required bool) *time.Time {
	if v == "" {
		if required {
			f.Add(field, "is required")
		}
		return nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		f.Add(field, "must be a date such as 2027-01-31")
		return nil
	}
	return &t
}
