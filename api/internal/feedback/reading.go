package feedback

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Reading is the server's reading of a case's scores.
type Reading struct {
	CaseID     uuid.UUID
	Thresholds Thresholds
	// The citizen's own ORS, meeting by meeting, and its outcome.
	ORS     []Score
	Outcome Outcome
	// ORS from collateral raters, shown apart and never mixed into the outcome.
	Collateral []Score
	// Every SRS with its alliance reading.
	SRS []SRSReading
}

// SRSReading is one SRS and whether it is an alliance signal.
type SRSReading struct {
	Score
	Signal   bool
	LowItems []string
}

// Read reads a case's ORS series and SRS ratings.
func (s *Service) Read(ctx context.Context, a actor.Actor, caseID uuid.UUID) (Reading, error) {
	ctx = actor.With(ctx, a)
	out := Reading{CaseID: caseID, Thresholds: s.th}
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		c, err := s.cases.FactsFor(ctx, a, caseID, actReading)
		if err != nil {
			return err
		}
		rows, err := s.st.scoresOfCase(ctx, caseID)
		if err != nil {
			return err
		}
		var totals []Tenths
		for _, r := range rows {
			sc := toScore(r)
			switch {
			case sc.Scale == ORS && sc.Rater == RaterCitizen:
				out.ORS = append(out.ORS, sc)
				totals = append(totals, sc.Items.Total())
			case sc.Scale == ORS:
				out.Collateral = append(out.Collateral, sc)
			default:
				signal, low := s.th.Alliance(sc.Items)
				out.SRS = append(out.SRS, SRSReading{Score: sc, Signal: signal, LowItems: low})
			}
		}
		out.Outcome = s.th.ReadORS(totals)
		return s.audit.Record(ctx, audit.Event{Action: actReading, CaseID: &caseID, TeamID: &c.TeamID})
	})
	if err != nil {
		return Reading{}, fmt.Errorf("read scores: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// --- signals ---

// Signal asks the caseworker to close the loop: say what will change.
type Signal struct {
	ID             uuid.UUID
	CaseID         uuid.UUID
	MeetingID      uuid.UUID
	MeetingStarts  time.Time
	Kind           SignalKind
	Detail         string
	RaisedAt       time.Time
	Response       string
	RespondedAt    *time.Time
	RespondedBy    string
	CitizenName    string
	CaseworkerName string
}

func toSignal(r signalRow) Signal {
	g := Signal{ID: r.ID, CaseID: r.CaseID, MeetingID: r.MeetingID, MeetingStarts: r.StartsAt.UTC(), Kind: SignalKind(r.Kind),
		Detail: r.Detail, RaisedAt: r.RaisedAt.UTC(), Response: r.Response, RespondedBy: r.RespondedName,
		CitizenName: r.CitizenName, CaseworkerName: r.CaseworkerName}
	if r.RespondedAt != nil {
		t := r.RespondedAt.UTC()
		g.RespondedAt = &t
	}
	return g
}

// CaseSignals lists a case's signals, open ones first.
func (s *Service) CaseSignals(ctx context.Context, a actor.Actor, caseID uuid.UUID) ([]Signal, error) {
	ctx = actor.With(ctx, a)
	var out []Signal
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		c, err := s.cases.FactsFor(ctx, a, caseID, actSignalsRead)
		if err != nil {
			return err
		}
		var rows []signalRow
		if err := s.st.signals(ctx).Where("g.case_id = ?", caseID).
			Order("CASE WHEN g.responded_at IS NULL THEN 0 ELSE 1 END, g.raised_at DESC, g.id").Limit(500).Scan(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			out = append(out, toSignal(r))
		}
		return s.audit.Record(ctx, audit.Event{Action: actSignalsRead, CaseID: &caseID, TeamID: &c.TeamID})
	})
	if err != nil {
		return nil, fmt.Errorf("case signals: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// OpenSignals is the attention list: unanswered signals on the cases of the
// actor's teams, or only the actor's own cases. Each case shown is audited.
func (s *Service) OpenSignals(ctx context.Context, a actor.Actor, mine bool) ([]Signal, error) {
	ctx = actor.With(ctx, a)
	if err := a.RequireCaseAccess(); err != nil {
		return nil, err
	}
	var out []Signal
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		q := s.st.signals(ctx).Where("g.responded_at IS NULL AND k.team_id IN ? AND k.status = 'open'", a.TeamIDs)
		if mine {
			q = q.Where("k.caseworker_id = ?", a.UserID)
		}
		var rows []signalRow
		if err := q.Order("g.raised_at, g.id").Limit(500).Scan(&rows).Error; err != nil {
			return err
		}
		evs := []audit.Event{}
		seen := map[uuid.UUID]bool{}
		for _, r := range rows {
			out = append(out, toSignal(r))
			if !seen[r.CaseID] {
				seen[r.CaseID] = true
				id := r.CaseID
				evs = append(evs, audit.Event{Action: actSignalsRead, CaseID: &id, Detail: "attention list"})
			}
		}
		if len(evs) == 0 {
			evs = append(evs, audit.Event{Action: actSignalsRead, Detail: "attention list: empty"})
		}
		return s.audit.Record(ctx, evs...)
	})
	if err != nil {
		return nil, fmt.Errorf("open signals: %w", err)
	}
	return out, nil
}

// Respond closes the loop on a signal with a note of what will change; the
// note is shown at the start of the next meeting. A signal is answered once.
func (s *Service) Respond(ctx context.Context, a actor.Actor, id uuid.UUID, note string) (Signal, error) {
	ctx = actor.With(ctx, a)
	var f errs.Fields
	note = strings.TrimSpace(note)
	switch n := utf8.RuneCountInString(note); {
	case n == 0:
		f.Add("note", "is required: say what will change")
	case n > 1000:
		f.Add("note", "must be at most 1000 characters")
	}
	if err := f.Err(); err != nil {
		return Signal{}, err
	}
	var out Signal
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, err := s.st.signal(ctx, id)
		if err != nil && !errs.Is(err, errs.NotFound) {
			return err
		}
		if err != nil {
			return errs.NotFoundf("No signal with id %s.", id)
		}
		c, err := s.cases.FactsFor(ctx, a, r.CaseID, actSignalReply)
		if err != nil {
			var d *audit.Denial
			if errors.As(err, &d) {
				d.Err = errs.NotFoundf("No signal with id %s.", id)
			}
			return err
		}
		ok, err := s.st.respond(ctx, id, note, s.now(), a.UserID)
		if err != nil {
			return err
		}
		if !ok {
			return errs.New(errs.Conflict, "This signal has been answered already.")
		}
		if err := s.audit.Record(ctx, audit.Event{Action: actSignalReply, CaseID: &r.CaseID, TeamID: &c.TeamID,
			Detail: "signal " + id.String() + " (" + r.Kind + ")"}); err != nil {
			return err
		}
		r, err = s.st.signal(ctx, id)
		out = toSignal(r)
		return err
	})
	if err != nil {
		return Signal{}, fmt.Errorf("respond to signal: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// MeetingFeedback is everything feedback holds for one meeting, and what was
// said and done after the previous one ("you said — we did").
type MeetingFeedback struct {
	MeetingID uuid.UUID
	ORS, SRS  []Score
	Answers   *Answers
	Signals   []Signal
	// Signals of the previous meeting, answered or not, to open this one with.
	FromLastMeeting []Signal
}

// ForMeeting gathers a meeting's feedback.
func (s *Service) ForMeeting(ctx context.Context, a actor.Actor, meetingID uuid.UUID) (MeetingFeedback, error) {
	ctx = actor.With(ctx, a)
	out := MeetingFeedback{MeetingID: meetingID}
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		m, err := s.meetingFor(ctx, a, meetingID, actRead, false)
		if err != nil {
			return err
		}
		scores, err := s.st.scoresOfMeeting(ctx, meetingID, ORS, SRS)
		if err != nil {
			return err
		}
		list, err := s.withHistory(ctx, scores)
		if err != nil {
			return err
		}
		for _, sc := range list {
			if sc.Scale == ORS {
				out.ORS = append(out.ORS, sc)
			} else {
				out.SRS = append(out.SRS, sc)
			}
		}
		ans, err := s.st.answer(ctx, meetingID)
		if err != nil {
			return err
		}
		if ans != nil {
			out.Answers = &Answers{MeetingOK: ans.MeetingOK, TalkedAbout: ans.TalkedAbout, DifferentNextTime: ans.DifferentNextTime,
				EnteredBy: EnteredBy(ans.EnteredBy), RecordedAt: ans.RecordedAt.UTC()}
		}
		ids := []uuid.UUID{meetingID}
		prev, err := s.meetings.Previous(ctx, meetingID)
		if err != nil {
			return err
		}
		if prev != nil {
			ids = append(ids, prev.ID)
		}
		var rows []signalRow
		if err := s.st.signals(ctx).Where("g.meeting_id IN ?", ids).Order("g.raised_at, g.id").Scan(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			if r.MeetingID == meetingID {
				out.Signals = append(out.Signals, toSignal(r))
			} else {
				out.FromLastMeeting = append(out.FromLastMeeting, toSignal(r))
			}
		}
		return s.audit.Record(ctx, audit.Event{Action: actRead, CaseID: &m.CaseID, TeamID: &m.TeamID, Detail: "feedback of meeting " + m.ID.String()})
	})
	if err != nil {
		return MeetingFeedback{}, fmt.Errorf("meeting feedback: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// --- wording ---

// WordingOf is the wording in force for a language: the municipality's
// licensed wording when loaded, else ours. It reports which.
func (s *Service) WordingOf(ctx context.Context, lang string) (Wording, Questions, bool, error) {
	w, err := s.st.wording(ctx, lang)
	if err != nil {
		return Wording{}, Questions{}, false, fmt.Errorf("wording: %w", err)
	}
	if w != nil {
		return w.Content.V, questions[lang], true, nil
	}
	return defaultWording[lang], questions[lang], false, nil
}

// SetWording loads a municipality's licensed wording for a language;
// administrators only.
func (s *Service) SetWording(ctx context.Context, a actor.Actor, lang string, w Wording) error {
	ctx = actor.With(ctx, a)
	if a.Role != actor.RoleAdmin {
		return errs.New(errs.Forbidden, "Only administrators load the wording of the scales.")
	}
	var f errs.Fields
	if lang != "da" && lang != "en" {
		f.Add("lang", "must be da or en")
	}
	check := func(field, v string, max int) {
		if n := utf8.RuneCountInString(strings.TrimSpace(v)); n == 0 || n > max {
			f.Add(field, fmt.Sprintf("must be 1 to %d characters", max))
		}
	}
	for i := 0; i < 4; i++ {
		check(fmt.Sprintf("ors[%d]", i), w.ORS[i], 200)
		check(fmt.Sprintf("srs[%d]", i), w.SRS[i], 200)
	}
	for i := 0; i < 2; i++ {
		check(fmt.Sprintf("ors_anchor[%d]", i), w.ORSAnchor[i], 60)
		check(fmt.Sprintf("srs_anchor[%d]", i), w.SRSAnchor[i], 60)
	}
	check("ors_intro", w.ORSIntro, 500)
	check("srs_intro", w.SRSIntro, 500)
	if err := f.Err(); err != nil {
		return err
	}
	return s.db.InTx(ctx, func(ctx context.Context) error {
		if err := s.st.saveWording(ctx, wordingRow{Lang: lang, Content: db.JSON[Wording]{V: w}, UpdatedAt: s.now(), UpdatedBy: a.UserID}); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: actWording, Detail: "lang " + lang})
	})
}
