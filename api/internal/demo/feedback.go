package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/app"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/feedback"
	"github.com/borgeren-i-centrum/bic/api/internal/meetings"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
)

var meetingForms = []string{"office", "home", "walk_and_talk", "office", "video", "phone"}

// seedMeetings gives a case that has reached its assessment a few held
// meetings over the last three months, each with the citizen's ORS and SRS,
// so that the chart, the signals and the leader's figures have something to
// show. About half the citizens get reliably better, a few worse; now and
// then an SRS dips below the line, and most such signals have been answered.
func seedMeetings(ctx context.Context, a *app.App, act actor.Actor, v cases.Viewed, r *rand.Rand) error {
	phase := 0
	for i, p := range cases.Phases {
		if p == v.Phase {
			phase = i
		}
	}
	if phase < 2 || v.Status == cases.StatusClosed {
		return nil
	}
	n := 2 + r.IntN(4)
	today := a.Goals.Today()
	start := 4.0 + r.Float64()*2.5 // per item: totals of 16–26
	trend := []float64{0.9, 0.9, 0.3, 0.3, -0.6}[r.IntN(5)]
	for k := 0; k < n; k++ {
		day := today.AddDate(0, 0, -(n-1-k)*18-3)
		starts := time.Date(day.Year(), day.Month(), day.Day(), 9+r.IntN(6), 0, 0, 0, time.UTC).Format(time.RFC3339)
		form, held := meetingForms[r.IntN(len(meetingForms))], "held"
		m, err := a.Meetings.Create(ctx, act, v.ID, meetings.Fields{StartsAt: &starts, Form: &form, Status: &held})
		if err != nil {
			return fmt.Errorf("meeting: %w", err)
		}
		level := start + trend*float64(k) + (r.Float64()-0.5)*0.8
		if err := rate(ctx, a, act, m.ID, feedback.ORS, r, level); err != nil {
			return err
		}
		srs := 9.0 + r.Float64()
		if r.IntN(7) == 0 {
			srs = 7.5 + r.Float64()
		}
		if err := rate(ctx, a, act, m.ID, feedback.SRS, r, srs); err != nil {
			return err
		}
	}
	signals, err := a.Feedback.CaseSignals(ctx, act, v.ID)
	if err != nil {
		return err
	}
	for i, g := range signals {
		if i%3 == 2 {
			continue // some stay open, for the attention list
		}
		if _, err := a.Feedback.Respond(ctx, act, g.ID, "Vi har aftalt at starte næste møde med det, der fyldte for borgeren."); err != nil {
			return err
		}
	}
	return nil
}

// rate records a rating whose items scatter a little around level.
func rate(ctx context.Context, a *app.App, act actor.Actor, meetingID uuid.UUID, scale feedback.Scale, r *rand.Rand, level float64) error {
	items := map[string]json.RawMessage{}
	for _, k := range feedback.ItemKeys[scale] {
		v := level + (r.Float64()-0.5)*1.2
		v = min(10, max(0, v))
		items[k] = json.RawMessage(strconv.FormatFloat(float64(int(v*10))/10, 'f', 1, 64))
	}
	if _, err := a.Feedback.Record(ctx, act, meetingID, scale, feedback.ScoreInput{Items: items}); err != nil {
		return fmt.Errorf("%s: %w", scale, err)
	}
	return nil
}
