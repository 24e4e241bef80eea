package feedback

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// MinCases is the fewest cases a leader's figure may rest on: below it a
// share or a mean could point at one citizen, so it is withheld.
const MinCases = 5

// InsightFilter selects the meetings behind the leader's figures: those of
// the leader's teams (or one) that started within [From, To], dates in the
// municipality's time zone.
type InsightFilter struct {
	TeamID   *uuid.UUID
	From, To time.Time
}

// TeamFigures are one team's feedback figures for a period.
type TeamFigures struct {
	TeamID uuid.UUID
	// Cases with at least two of the citizen's own ORS in the period.
	Cases                              int
	Improved, Deteriorated, NoChange   int
	TooFew                             bool
	MeanSRS                            *float64 // nil when too few cases rated an SRS
	SRSCases                           int
	MeetingsHeld, MeetingsWithFeedback int
}

// Today is the municipality's date.
func (s *Service) Today() time.Time { return clock.TodayOf(s.clock) }

// DefaultPeriod is the last 90 days up to today.
func (s *Service) DefaultPeriod() (from, to time.Time) { return clock.LastDays(s.clock, 90) }

type insightRow struct {
	TeamID    uuid.UUID `gorm:"column:team_id"`
	CaseID    uuid.UUID `gorm:"column:case_id"`
	MeetingID uuid.UUID `gorm:"column:meeting_id"`
	Scale     string    `gorm:"column:scale"`
	Rater     string    `gorm:"column:rater"`
	Total     int       `gorm:"column:total"`
	Status    string    `gorm:"column:meeting_status"`
}

// Insights computes each team's figures. Leaders only, over their own teams.
func (s *Service) Insights(ctx context.Context, a actor.Actor, f InsightFilter) ([]TeamFigures, error) {
	ctx = actor.With(ctx, a)
	if a.Role != actor.RoleLeader {
		return nil, errs.New(errs.Forbidden, "The feedback figures are for leaders.")
	}
	teams := a.TeamIDs
	if f.TeamID != nil {
		if !a.InTeam(*f.TeamID) {
			return nil, errs.NotFoundf("No team with id %s.", *f.TeamID)
		}
		teams = []uuid.UUID{*f.TeamID}
	}
	if f.To.Before(f.From) {
		var fe errs.Fields
		fe.Add("to", "must not be before from")
		return nil, fe.Err()
	}
	from, to := clock.Days(s.clock, f.From, f.To)
	var out []TeamFigures
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		var rows []insightRow
		err := s.st.conn(ctx).Table("fit_scores f").Select("k.team_id, f.case_id, f.meeting_id, f.scale, f.rater, f.total, m.status AS meeting_status").
			Joins("JOIN meetings m ON m.id = f.meeting_id").Joins("JOIN cases k ON k.id = f.case_id").
			Where("k.team_id IN ? AND m.starts_at >= ? AND m.starts_at < ?", teams, from, to).
			Order("m.starts_at, f.recorded_at, f.id").Scan(&rows).Error
		if err != nil {
			return db.Translate(err, "read scores for figures")
		}
		var answered []insightRow
		err = s.st.conn(ctx).Table("feedback_answers f").Select("k.team_id, f.case_id, f.meeting_id, m.status AS meeting_status").
			Joins("JOIN meetings m ON m.id = f.meeting_id").Joins("JOIN cases k ON k.id = f.case_id").
			Where("k.team_id IN ? AND m.starts_at >= ? AND m.starts_at < ?", teams, from, to).Scan(&answered).Error
		if err != nil {
			return db.Translate(err, "read answers for figures")
		}
		held, err := s.meetings.CountHeld(ctx, teams, from, to)
		if err != nil {
			return err
		}
		out = s.figures(teams, rows, answered, held)
		return s.audit.Record(ctx, audit.Event{Action: actInsights,
			Detail: fmt.Sprintf("%d teams, %s to %s", len(teams), f.From.Format(time.DateOnly), f.To.Format(time.DateOnly))})
	})
	if err != nil {
		return nil, fmt.Errorf("feedback figures: %w", err)
	}
	return out, nil
}

// figures is the arithmetic of Insights, apart so it reads plainly.
func (s *Service) figures(teams []uuid.UUID, rows, answered []insightRow, held map[uuid.UUID]int) []TeamFigures {
	type caseData struct {
		ors      []Tenths
		srsTotal []Tenths
	}
	byTeam := map[uuid.UUID]map[uuid.UUID]*caseData{}
	withFeedback := map[uuid.UUID]map[uuid.UUID]bool{}
	// Feedback counts against meetings held, so only held meetings count
	// as meetings with feedback.
	note := func(team, meeting uuid.UUID, status string) {
		if status != "held" {
			return
		}
		if withFeedback[team] == nil {
			withFeedback[team] = map[uuid.UUID]bool{}
		}
		withFeedback[team][meeting] = true
	}
	for _, r := range rows {
		if byTeam[r.TeamID] == nil {
			byTeam[r.TeamID] = map[uuid.UUID]*caseData{}
		}
		c := byTeam[r.TeamID][r.CaseID]
		if c == nil {
			c = &caseData{}
			byTeam[r.TeamID][r.CaseID] = c
		}
		switch {
		case r.Scale == string(ORS) && r.Rater == string(RaterCitizen):
			c.ors = append(c.ors, Tenths(r.Total))
		case r.Scale == string(SRS):
			c.srsTotal = append(c.srsTotal, Tenths(r.Total))
		}
		note(r.TeamID, r.MeetingID, r.Status)
	}
	for _, r := range answered {
		note(r.TeamID, r.MeetingID, r.Status)
	}
	sorted := append([]uuid.UUID(nil), teams...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].String() < sorted[j].String() })
	var out []TeamFigures
	for _, team := range sorted {
		tf := TeamFigures{TeamID: team, MeetingsHeld: held[team], MeetingsWithFeedback: len(withFeedback[team])}
		var srsSum Tenths
		srsN := 0
		for _, c := range byTeam[team] {
			if len(c.ors) >= 2 {
				tf.Cases++
				switch s.th.ReadORS(c.ors).Change {
				case Improved:
					tf.Improved++
				case Deteriorated:
					tf.Deteriorated++
				default:
					tf.NoChange++
				}
			}
			if len(c.srsTotal) > 0 {
				tf.SRSCases++
				for _, t := range c.srsTotal {
					srsSum += t
					srsN++
				}
			}
		}
		tf.TooFew = tf.Cases < MinCases
		if tf.SRSCases >= MinCases {
			m := float64(int(float64(srsSum)/float64(srsN)+0.5)) / 10
			tf.MeanSRS = &m
		}
		out = append(out, tf)
	}
	return out
}
