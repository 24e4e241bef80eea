package goals_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/goals"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

var today = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// smartGoal meets every SMART criterion on today.
func smartGoal() goals.Goal {
	dream := uuid.New()
	target := today.AddDate(0, 3, 0)
	return goals.Goal{
		Title:               "Tage bussen alene til min søster",
		Specific:            "Jeg tager bussen alene til min søster i Vejle",
		MeasurableIndicator: "Ture med bus uden følge om ugen",
		MeasurableTarget:    "To ture om ugen",
		AchievableSteps:     "Øve ruten med støttepersonen tre gange",
		AchievableResources: "Kender vejen og kan læse køreplanen",
		Relevant:            "Jeg vil se min søster uden at spørge om lov",
		DreamID:             &dream,
		TargetDate:          &target,
	}
}

// unmet is what a criterion should say when it fails: its hint code and the
// form fields it points at.
type unmet struct {
	code   string
	fields string // comma-separated
}

func TestSMARTCheck(t *testing.T) {
	parent := uuid.New()
	yesterday, tomorrow := today.AddDate(0, 0, -1), today.AddDate(0, 0, 1)
	todayCopy := today
	for _, tc := range []struct {
		name   string
		change func(g *goals.Goal)
		fails  map[string]unmet // criterion → how it fails; every other criterion is met
	}{
		{"a complete goal meets every criterion", func(*goals.Goal) {}, nil},
		{"a goal without a title is not specific", func(g *goals.Goal) { g.Title = "  " },
			map[string]unmet{"specific": {"describe_change", "specific"}}},
		{"a change described in fewer than three words is not specific", func(g *goals.Goal) { g.Specific = "tage bussen" },
			map[string]unmet{"specific": {"describe_change", "specific"}}},
		{"a goal without an indicator is not measurable", func(g *goals.Goal) { g.MeasurableIndicator = "" },
			map[string]unmet{"measurable": {"missing_indicator", "measurable_indicator"}}},
		{"without indicator the missing target is not reported separately", func(g *goals.Goal) {
			g.MeasurableIndicator, g.MeasurableTarget = "", ""
		}, map[string]unmet{"measurable": {"missing_indicator", "measurable_indicator"}}},
		{"an indicator without a target is not measurable", func(g *goals.Goal) { g.MeasurableTarget = " \t" },
			map[string]unmet{"measurable": {"missing_target", "measurable_target"}}},
		{"a goal without steps is not achievable", func(g *goals.Goal) { g.AchievableSteps = "" },
			map[string]unmet{"achievable": {"missing_steps", "achievable_steps"}}},
		{"steps without the citizen's resources are not achievable", func(g *goals.Goal) { g.AchievableResources = "" },
			map[string]unmet{"achievable": {"missing_resources", "achievable_resources"}}},
		{"a goal without the citizen's why is not relevant", func(g *goals.Goal) { g.Relevant = "" },
			map[string]unmet{"relevant": {"missing_why", "relevant"}}},
		{"a main goal without a dream is not relevant", func(g *goals.Goal) { g.DreamID = nil },
			map[string]unmet{"relevant": {"missing_dream", "dream_id"}}},
		{"a sub-goal without a dream is relevant through its main goal", func(g *goals.Goal) {
			g.DreamID, g.ParentID = nil, &parent
		}, nil},
		{"a sub-goal still needs the citizen's why", func(g *goals.Goal) {
			g.DreamID, g.ParentID, g.Relevant = nil, &parent, ""
		}, map[string]unmet{"relevant": {"missing_why", "relevant"}}},
		{"a goal without a target date is not time-bound", func(g *goals.Goal) { g.TargetDate = nil },
			map[string]unmet{"time_bound": {"missing_date", "target_date"}}},
		{"a target date that has passed is not time-bound", func(g *goals.Goal) { g.TargetDate = &yesterday },
			map[string]unmet{"time_bound": {"date_passed", "target_date"}}},
		{"a target date of today is still time-bound", func(g *goals.Goal) { g.TargetDate = &todayCopy }, nil},
		{"a target date of tomorrow is time-bound", func(g *goals.Goal) { g.TargetDate = &tomorrow }, nil},
		{"an empty goal fails every criterion with the first hint of each", func(g *goals.Goal) { *g = goals.Goal{} },
			map[string]unmet{
				"specific":   {"describe_change", "specific"},
				"measurable": {"missing_indicator", "measurable_indicator"},
				"achievable": {"missing_steps", "achievable_steps"},
				"relevant":   {"missing_why", "relevant"},
				"time_bound": {"missing_date", "target_date"},
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := smartGoal()
			tc.change(&g)
			cs := goals.Check(g, today)
			var keys []string
			for _, c := range cs {
				keys = append(keys, c.Key)
				want, fails := tc.fails[c.Key]
				switch {
				case fails && c.Met:
					t.Errorf("%s is met, want unmet with %s", c.Key, want.code)
				case fails:
					if c.HintCode != want.code || strings.Join(c.Fields, ",") != want.fields {
						t.Errorf("%s: hint %s on %v, want %s on %s", c.Key, c.HintCode, c.Fields, want.code, want.fields)
					}
					if c.Hint == "" {
						t.Errorf("%s: unmet without a hint", c.Key)
					}
				case !c.Met:
					t.Errorf("%s is unmet (%s), want met", c.Key, c.HintCode)
				case c.HintCode != "" || c.Hint != "":
					t.Errorf("%s is met but carries hint %s %q", c.Key, c.HintCode, c.Hint)
				}
			}
			if got := strings.Join(keys, ","); got != "specific,measurable,achievable,relevant,time_bound" {
				t.Errorf("criteria = %s, want the five in SMART order", got)
			}
			if goals.SMART(cs) != (len(tc.fails) == 0) {
				t.Errorf("SMART = %v with %d unmet criteria", goals.SMART(cs), len(tc.fails))
			}
		})
	}
}

func TestActivationErrorNamesEveryUnmetField(t *testing.T) {
	t.Run("a SMART goal may be activated", func(t *testing.T) {
		if err := goals.ActivationError(goals.Check(smartGoal(), today)); err != nil {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("an unfinished goal is refused with one field error per unmet criterion", func(t *testing.T) {
		g := smartGoal()
		g.MeasurableTarget, g.DreamID = "", nil
		err := goals.ActivationError(goals.Check(g, today))
		e, ok := errs.As(err)
		if !ok || e.Code != errs.Invalid {
			t.Fatalf("got %v, want a validation error", err)
		}
		if e.Message != "The goal is not SMART yet, so it cannot become active." {
			t.Errorf("message = %q", e.Message)
		}
		var got []string
		for _, f := range e.Fields {
			got = append(got, f.Field+": "+f.Message)
		}
		want := []string{
			"dream_id: Choose the hope, wish or dream the goal serves.",
			"measurable_target: Say what number or state counts as reached (for example: two trips a week).",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("fields:\n got %q\nwant %q", got, want)
		}
	})
}

func TestStatusTransitions(t *testing.T) {
	allowed := map[string]string{
		"draft → active":          "a SMART draft is started",
		"draft → discontinued":    "a draft is dropped",
		"active → achieved":       "reached (with a next step)",
		"active → adjusted":       "changed at a follow-up, still worked on",
		"active → discontinued":   "stopped",
		"adjusted → active":       "back on the original track",
		"adjusted → achieved":     "reached",
		"adjusted → discontinued": "stopped",
		"achieved → active":       "resumed",
		"discontinued → active":   "resumed",
	}
	all := []goals.Status{goals.Draft, goals.Active, goals.Achieved, goals.Adjusted, goals.Discontinued}
	for _, from := range all {
		for _, to := range all {
			key := fmt.Sprintf("%s → %s", from, to)
			why, ok := allowed[key]
			name := key + " is refused"
			if ok {
				name = key + " is allowed: " + why
			}
			t.Run(name, func(t *testing.T) {
				if got := from.CanMoveTo(to); got != ok {
					t.Errorf("CanMoveTo = %v, want %v", got, ok)
				}
			})
		}
	}
	t.Run("in progress means active or adjusted", func(t *testing.T) {
		for _, s := range all {
			want := s == goals.Active || s == goals.Adjusted
			if s.InProgress() != want {
				t.Errorf("%s.InProgress() = %v", s, s.InProgress())
			}
		}
	})
}

func TestGASTScore(t *testing.T) {
	// T = 50 + 10·Σx / √((1−ρ)·n + ρ·n²), ρ = 0.3, rounded to one decimal.
	for _, tc := range []struct {
		name     string
		attained []int
		want     float64
	}{
		// n=1: √(0.7+0.3) = 1; Σx = 0 → 50.
		{"one goal at its expected outcome scores 50", []int{0}, 50.0},
		// n=4, Σx = 0 → 50 whatever the denominator.
		{"every goal at its expected outcome scores 50", []int{0, 0, 0, 0}, 50.0},
		// n=1: 50 + 10·2/1 = 70.
		{"one goal at much more than expected scores 70", []int{2}, 70.0},
		// n=1: 50 − 10·2/1 = 30.
		{"one goal at much less than expected scores 30", []int{-2}, 30.0},
		// n=2: √(0.7·2 + 0.3·4) = √2.6 = 1.61245; 50 + 20/1.61245 = 62.403 → 62.4.
		{"two goals at +1 score 62.4", []int{1, 1}, 62.4},
		// n=2: 50 − 40/1.61245 = 25.193 → 25.2.
		{"two goals at −2 score 25.2", []int{-2, -2}, 25.2},
		// n=3: √(0.7·3 + 0.3·9) = √4.8 = 2.19089; Σx = 1; 50 + 10/2.19089 = 54.564 → 54.6.
		{"three goals at −1, 0 and +2 score 54.6", []int{-1, 0, 2}, 54.6},
		// n=3, Σx = 0: gains and losses cancel.
		{"+1, −1 and 0 cancel to 50", []int{1, -1, 0}, 50.0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := goals.GASTScore(tc.attained)
			if !ok {
				t.Fatal("no score")
			}
			if math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("T = %v, want %v", got, tc.want)
			}
		})
	}
	t.Run("no goals with an attained level give no score", func(t *testing.T) {
		if got, ok := goals.GASTScore(nil); ok {
			t.Errorf("got %v, want no score", got)
		}
	})
}
