package feedback

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/meetings"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Auditor records audit events through the caller's transaction.
type Auditor interface {
	Record(ctx context.Context, evs ...audit.Event) error
	RecordDenial(ctx context.Context, err error) error
}

// Cases is what feedback needs from the cases domain.
type Cases interface {
	FactsFor(ctx context.Context, a actor.Actor, id uuid.UUID, action audit.Action) (cases.Facts, error)
	Facts(ctx context.Context, id uuid.UUID) (cases.Facts, error)
}

// Meetings is what feedback needs from the meetings domain.
type Meetings interface {
	Facts(ctx context.Context, id uuid.UUID) (meetings.Facts, error)
	FactsFor(ctx context.Context, a actor.Actor, id uuid.UUID, action audit.Action) (meetings.Facts, error)
	AddCitizenTopics(ctx context.Context, id uuid.UUID, topics []string) error
	Previous(ctx context.Context, id uuid.UUID) (*meetings.Facts, error)
	CountHeld(ctx context.Context, teamIDs []uuid.UUID, from, to time.Time) (map[uuid.UUID]int, error)
}

// Audited actions of this domain.
const (
	actRecord      audit.Action = "fit.record"
	actCorrect     audit.Action = "fit.correct"
	actRead        audit.Action = "fit.read"
	actReading     audit.Action = "fit.reading"
	actAnswers     audit.Action = "feedback.answers"
	actLinkCreate  audit.Action = "feedback_link.create"
	actLinkOpen    audit.Action = "feedback_link.open"
	actLinkSubmit  audit.Action = "feedback_link.submit"
	actSignalsRead audit.Action = "signal.list"
	actSignalReply audit.Action = "signal.respond"
	actWording     audit.Action = "fit.wording"
	actInsights    audit.Action = "insights.fit"
)

// DefaultLinkTTL is how long a feedback link lives unless the caseworker
// chooses otherwise.
const DefaultLinkTTL = 24 * time.Hour

// Service implements the feedback use cases. Error contract as elsewhere:
// NotFound for a meeting or case outside the actor's teams (and for any
// feedback link that is unknown, expired or spent: the three look alike),
// Forbidden for roles without case access, Invalid with field errors,
// Conflict for a second rating where a correction is meant, a closed case
// or a part of a link already answered, PreconditionFailed for a stale
// version.
type Service struct {
	db       *db.DB
	st       store
	audit    Auditor
	cases    Cases
	meetings Meetings
	clock    clock.Clock
	th       Thresholds
	baseURL  string
}

// NewService wires the feedback service. baseURL prefixes the links given
// to citizens (empty: links are relative, /feedback/<token>).
func NewService(d *db.DB, a Auditor, c Cases, m Meetings, cl clock.Clock, th Thresholds, baseURL string) *Service {
	return &Service{db: d, st: store{db: d}, audit: a, cases: c, meetings: m, clock: cl, th: th, baseURL: strings.TrimSuffix(baseURL, "/")}
}

// Thresholds are the cut-offs in force.
func (s *Service) Thresholds() Thresholds { return s.th }

func (s *Service) now() time.Time { return s.clock.Now().UTC().Truncate(time.Microsecond) }

// meetingFor authorises the actor for a meeting and checks that its case is
// open when the use case changes something.
func (s *Service) meetingFor(ctx context.Context, a actor.Actor, id uuid.UUID, action audit.Action, change bool) (meetings.Facts, error) {
	m, err := s.meetings.FactsFor(ctx, a, id, action)
	if err != nil || !change {
		return m, err
	}
	c, err := s.cases.Facts(ctx, m.CaseID)
	if err != nil {
		return m, err
	}
	if c.Status == cases.StatusClosed {
		return m, errs.New(errs.Conflict, "The case is closed. Reopen it before recording feedback.")
	}
	return m, nil
}

// --- scores ---

// Score is one rating of one scale at one meeting.
type Score struct {
	ID             uuid.UUID
	MeetingID      uuid.UUID
	CaseID         uuid.UUID
	Scale          Scale
	Rater          Rater
	EnteredBy      EnteredBy
	Items          Items
	RecordedAt     time.Time
	RecordedByName string
	MeetingStarts  time.Time
	Version        int
	Corrections    []Correction
}

// Correction is an earlier value of a corrected score.
type Correction struct {
	Items       Items
	Reason      string
	CorrectedAt time.Time
	ByName      string
}

func toScore(r scoreRow) Score {
	return Score{ID: r.ID, MeetingID: r.MeetingID, CaseID: r.CaseID, Scale: Scale(r.Scale), Rater: Rater(r.Rater),
		EnteredBy: EnteredBy(r.EnteredBy), Items: r.items(), RecordedAt: r.RecordedAt.UTC(), RecordedByName: r.RecordedByName,
		MeetingStarts: r.StartsAt.UTC(), Version: r.Version}
}

// ScoreInput is a rating as sent: the items as raw JSON so that a wrong
// value is a field error rather than a refused body.
type ScoreInput struct {
	Rater  string
	Items  map[string]json.RawMessage
	Reason string // corrections only
}

func validRater(f *errs.Fields, r string) Rater {
	if r == "" {
		return RaterCitizen
	}
	for _, x := range Raters {
		if x == r {
			return Rater(r)
		}
	}
	f.Add("rater", "must be one of "+strings.Join(Raters, ", "))
	return ""
}

// Record stores a rating the caseworker enters on the citizen's (or a
// collateral rater's) behalf.
func (s *Service) Record(ctx context.Context, a actor.Actor, meetingID uuid.UUID, scale Scale, in ScoreInput) (Score, error) {
	ctx = actor.With(ctx, a)
	var f errs.Fields
	rater := validRater(&f, in.Rater)
	items := ParseItems(&f, "items.", scale, in.Items)
	if err := f.Err(); err != nil {
		return Score{}, err
	}
	var out Score
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		m, err := s.meetingFor(ctx, a, meetingID, actRecord, true)
		if err != nil {
			return err
		}
		by := a.UserID
		out, err = s.store(ctx, m, scale, rater, ByCaseworker, &by, items)
		return err
	})
	if err != nil {
		return Score{}, fmt.Errorf("record %s: %w", scale, s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// errRated is a second rating where a correction is meant; it shares the
// already-answered type with a used feedback-link part, so clients tell it
// apart from a closed case by the type, not the wording.
var errRated = func(scale Scale, rater Rater) error {
	return errs.New(errs.AlreadyAnswered, fmt.Sprintf("This meeting already has an %s from the %s. Correct it, with a reason, instead.",
		strings.ToUpper(string(scale)), rater))
}

// store writes a rating, raises the signals it calls for, and audits it,
// all through the transaction in ctx.
func (s *Service) store(ctx context.Context, m meetings.Facts, scale Scale, rater Rater, by EnteredBy, user *uuid.UUID, items Items) (Score, error) {
	r := scoreRow{ID: uuid.New(), MeetingID: m.ID, CaseID: m.CaseID, Scale: string(scale), Rater: string(rater), EnteredBy: string(by),
		Item1: int(items[0]), Item2: int(items[1]), Item3: int(items[2]), Item4: int(items[3]), Total: int(items.Total()),
		RecordedAt: s.now(), RecordedBy: user, Version: 1}
	ok, err := s.st.insertScore(ctx, r)
	if err != nil {
		return Score{}, err
	}
	if !ok {
		return Score{}, errRated(scale, rater)
	}
	if err := s.signalsFor(ctx, m, scale, rater, items, false); err != nil {
		return Score{}, err
	}
	if err := s.audit.Record(ctx, audit.Event{Action: actRecord, CaseID: &m.CaseID, TeamID: &m.TeamID,
		Detail: fmt.Sprintf("%s by %s (%s), meeting %s", scale, rater, by, m.ID)}); err != nil {
		return Score{}, err
	}
	row, err := s.st.score(ctx, m.ID, scale, rater)
	return toScore(row), err
}

// signalsFor raises what a rating calls for: an SRS below the line is an
// alliance signal; the citizen's ORS reliably below their first is a
// deterioration. After a correction (corrected = true) an unanswered signal
// the new values no longer call for is withdrawn.
func (s *Service) signalsFor(ctx context.Context, m meetings.Facts, scale Scale, rater Rater, items Items, corrected bool) error {
	switch {
	case scale == SRS:
		if signal, low := s.th.Alliance(items); signal {
			detail := "SRS " + items.Total().String()
			if len(low) > 0 {
				detail += "; low: " + strings.Join(low, ", ")
			}
			return s.raise(ctx, m, SignalAlliance, detail)
		}
		if corrected {
			return s.st.withdraw(ctx, m.ID, SignalAlliance)
		}
	case scale == ORS && rater == RaterCitizen:
		series, err := s.orsSeries(ctx, m.CaseID)
		if err != nil {
			return err
		}
		if o := s.th.ReadORS(series); o.Change == Deteriorated {
			return s.raise(ctx, m, SignalDeterioration, fmt.Sprintf("ORS %s → %s", o.First, o.Latest))
		}
		if corrected {
			return s.st.withdraw(ctx, m.ID, SignalDeterioration)
		}
	}
	return nil
}

func (s *Service) raise(ctx context.Context, m meetings.Facts, kind SignalKind, detail string) error {
	_, err := s.st.raise(ctx, signalRow{ID: uuid.New(), CaseID: m.CaseID, MeetingID: m.ID, Kind: string(kind), Detail: detail, RaisedAt: s.now()})
	return err
}

// orsSeries is the citizen's own ORS totals of a case, meeting by meeting.
func (s *Service) orsSeries(ctx context.Context, caseID uuid.UUID) ([]Tenths, error) {
	rows, err := s.st.scoresOfCase(ctx, caseID)
	if err != nil {
		return nil, err
	}
	var out []Tenths
	for _, r := range rows {
		if r.Scale == string(ORS) && r.Rater == string(RaterCitizen) {
			out = append(out, Tenths(r.Total))
		}
	}
	return out, nil
}

// Correct changes a rating; the reason is required and the earlier values
// are kept in the score's history.
func (s *Service) Correct(ctx context.Context, a actor.Actor, meetingID uuid.UUID, scale Scale, version int, in ScoreInput) (Score, error) {
	ctx = actor.With(ctx, a)
	var f errs.Fields
	rater := validRater(&f, in.Rater)
	items := ParseItems(&f, "items.", scale, in.Items)
	reason := strings.TrimSpace(in.Reason)
	switch n := utf8.RuneCountInString(reason); {
	case n == 0:
		f.Add("reason", "is required: say why the score is corrected")
	case n > 500:
		f.Add("reason", "must be at most 500 characters")
	}
	if err := f.Err(); err != nil {
		return Score{}, err
	}
	var out Score
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		m, err := s.meetingFor(ctx, a, meetingID, actCorrect, true)
		if err != nil {
			return err
		}
		cur, err := s.st.score(ctx, meetingID, scale, rater)
		if err != nil {
			if errs.Is(err, errs.NotFound) {
				return errs.NotFoundf("This meeting has no %s from the %s to correct.", strings.ToUpper(string(scale)), rater)
			}
			return err
		}
		if cur.Version != version {
			return httpx.Stale(cur.Version)
		}
		ok, err := s.st.correctScore(ctx, cur.ID, version, items)
		if err != nil {
			return err
		}
		if !ok {
			return httpx.Stale(cur.Version + 1)
		}
		old := cur.items()
		if err := s.st.insertCorrection(ctx, correctionRow{ID: uuid.New(), ScoreID: cur.ID, Item1: int(old[0]), Item2: int(old[1]),
			Item3: int(old[2]), Item4: int(old[3]), Total: int(old.Total()), Reason: reason, CorrectedAt: s.now(), CorrectedBy: a.UserID}); err != nil {
			return err
		}
		if err := s.signalsFor(ctx, m, scale, rater, items, true); err != nil {
			return err
		}
		if err := s.audit.Record(ctx, audit.Event{Action: actCorrect, CaseID: &m.CaseID, TeamID: &m.TeamID,
			Detail: fmt.Sprintf("%s by %s, meeting %s: %s → %s", scale, rater, m.ID, old.Total(), items.Total())}); err != nil {
			return err
		}
		row, err := s.st.score(ctx, meetingID, scale, rater)
		if err != nil {
			return err
		}
		list, err := s.withHistory(ctx, []scoreRow{row})
		if err != nil {
			return err
		}
		out = list[0]
		return nil
	})
	if err != nil {
		return Score{}, fmt.Errorf("correct %s: %w", scale, s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

func (s *Service) withHistory(ctx context.Context, rows []scoreRow) ([]Score, error) {
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	hist, err := s.st.corrections(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Score, len(rows))
	for i, r := range rows {
		out[i] = toScore(r)
		for _, c := range hist[r.ID] {
			out[i].Corrections = append(out[i].Corrections, Correction{Items: Items{Tenths(c.Item1), Tenths(c.Item2), Tenths(c.Item3), Tenths(c.Item4)},
				Reason: c.Reason, CorrectedAt: c.CorrectedAt.UTC(), ByName: c.CorrectedByName})
		}
	}
	return out, nil
}

// Scores lists a meeting's ratings of one scale, with their history.
func (s *Service) Scores(ctx context.Context, a actor.Actor, meetingID uuid.UUID, scale Scale) ([]Score, error) {
	ctx = actor.With(ctx, a)
	var out []Score
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		m, err := s.meetingFor(ctx, a, meetingID, actRead, false)
		if err != nil {
			return err
		}
		rows, err := s.st.scoresOfMeeting(ctx, meetingID, scale)
		if err != nil {
			return err
		}
		if out, err = s.withHistory(ctx, rows); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: actRead, CaseID: &m.CaseID, TeamID: &m.TeamID, Detail: string(scale) + " of meeting " + m.ID.String()})
	})
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", scale, s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// --- the three questions ---

// AnswersInput are answers to the model's three questions.
type AnswersInput struct {
	MeetingOK         string
	TalkedAbout       string
	DifferentNextTime string
}

// Answers are stored answers.
type Answers struct {
	MeetingOK         string
	TalkedAbout       string
	DifferentNextTime string
	EnteredBy         EnteredBy
	RecordedAt        time.Time
}

func validAnswers(f *errs.Fields, in AnswersInput) AnswersInput {
	for field, v := range map[string]string{"meeting_ok": in.MeetingOK, "talked_about": in.TalkedAbout} {
		ok := false
		for _, x := range AnswerValues {
			ok = ok || x == v
		}
		if !ok {
			f.Add(field, "must be one of yes, partly, no")
		}
	}
	in.DifferentNextTime = strings.TrimSpace(in.DifferentNextTime)
	if utf8.RuneCountInString(in.DifferentNextTime) > 1000 {
		f.Add("different_next_time", "must be at most 1000 characters")
	}
	return in
}

func (s *Service) storeAnswers(ctx context.Context, m meetings.Facts, in AnswersInput, by EnteredBy, user *uuid.UUID) error {
	ok, err := s.st.insertAnswer(ctx, answerRow{ID: uuid.New(), MeetingID: m.ID, CaseID: m.CaseID, MeetingOK: in.MeetingOK,
		TalkedAbout: in.TalkedAbout, DifferentNextTime: in.DifferentNextTime, EnteredBy: string(by), RecordedAt: s.now(), RecordedBy: user})
	if err != nil {
		return err
	}
	if !ok {
		return errs.New(errs.Conflict, "This meeting's feedback questions have been answered already.")
	}
	if in.DifferentNextTime != "" || in.MeetingOK == "no" {
		if err := s.raise(ctx, m, SignalChange, "meeting_ok="+in.MeetingOK); err != nil {
			return err
		}
	}
	return s.audit.Record(ctx, audit.Event{Action: actAnswers, CaseID: &m.CaseID, TeamID: &m.TeamID,
		Detail: fmt.Sprintf("meeting %s (%s)", m.ID, by)})
}

// RecordAnswers stores the answers the caseworker enters with the citizen.
func (s *Service) RecordAnswers(ctx context.Context, a actor.Actor, meetingID uuid.UUID, in AnswersInput) error {
	ctx = actor.With(ctx, a)
	var f errs.Fields
	in = validAnswers(&f, in)
	if err := f.Err(); err != nil {
		return err
	}
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		m, err := s.meetingFor(ctx, a, meetingID, actAnswers, true)
		if err != nil {
			return err
		}
		by := a.UserID
		return s.storeAnswers(ctx, m, in, ByCaseworker, &by)
	})
	if err != nil {
		return fmt.Errorf("record answers: %w", s.audit.RecordDenial(ctx, err))
	}
	return nil
}

// --- links ---

// Link is a feedback link as created; the token is shown once.
type Link struct {
	ID        uuid.UUID
	Token     string
	URL       string
	Parts     []string
	ExpiresAt time.Time
}

func hashToken(t string) string {
	h := sha256.Sum256([]byte(t))
	return hex.EncodeToString(h[:])
}

// CreateLink makes a one-time link for the citizen's own phone. The token
// has 256 random bits and only its hash is stored.
func (s *Service) CreateLink(ctx context.Context, a actor.Actor, meetingID uuid.UUID, parts []string, ttl time.Duration) (Link, error) {
	ctx = actor.With(ctx, a)
	var f errs.Fields
	if len(parts) == 0 || len(parts) > len(Parts) {
		f.Add("parts", "must name 1 to 4 of ors, srs, questions, topics")
	}
	seen := map[string]bool{}
	for i, p := range parts {
		ok := false
		for _, x := range Parts {
			ok = ok || x == p
		}
		switch {
		case !ok:
			f.Add(fmt.Sprintf("parts[%d]", i), "must be one of ors, srs, questions, topics")
		case seen[p]:
			f.Add(fmt.Sprintf("parts[%d]", i), "is named twice")
		}
		seen[p] = true
	}
	if ttl < time.Hour || ttl > 7*24*time.Hour {
		f.Add("expires_in_hours", "must be from 1 to 168")
	}
	if err := f.Err(); err != nil {
		return Link{}, err
	}
	var out Link
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		m, err := s.meetingFor(ctx, a, meetingID, actLinkCreate, true)
		if err != nil {
			return err
		}
		for i, p := range parts {
			if p == "topics" && m.Status != meetings.Planned {
				var f errs.Fields
				f.Add(fmt.Sprintf("parts[%d]", i), "topics for the agenda can only be asked for before the meeting, while it is planned")
				return f.Err()
			}
		}
		raw := make([]byte, 32)
		if _, err := rand.Read(raw); err != nil {
			return fmt.Errorf("token: %w", err)
		}
		token := base64.RawURLEncoding.EncodeToString(raw)
		now := s.now()
		r := linkRow{ID: uuid.New(), MeetingID: m.ID, CaseID: m.CaseID, TokenHash: hashToken(token), Parts: db.JSON[[]string]{V: parts},
			ExpiresAt: now.Add(ttl), CreatedAt: now, CreatedBy: a.UserID}
		if err := s.st.insertLink(ctx, r); err != nil {
			return err
		}
		out = Link{ID: r.ID, Token: token, URL: s.baseURL + "/feedback/" + token, Parts: parts, ExpiresAt: r.ExpiresAt}
		return s.audit.Record(ctx, audit.Event{Action: actLinkCreate, CaseID: &m.CaseID, TeamID: &m.TeamID,
			Detail: fmt.Sprintf("link %s for meeting %s: %s, expires %s", r.ID, m.ID, strings.Join(parts, ","), r.ExpiresAt.Format(time.RFC3339))})
	})
	if err != nil {
		return Link{}, fmt.Errorf("create feedback link: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

var errAnswered = errs.New(errs.AlreadyAnswered, "This part has been answered already. Thank you!")

var errNoLink = errs.New(errs.NotFound, "This feedback link does not work. It may have expired or been used already; ask your caseworker for a new one.")

// PublicView is all a link shows: the citizen's first name, the meeting's
// date and what is left to answer. Nothing else of the case.
type PublicView struct {
	FirstName    string
	MeetingStart time.Time
	Parts        []PartState
	ExpiresAt    time.Time
}

// PartState says whether a part of a link has been answered.
type PartState struct {
	Part string
	Done bool
}

func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return ""
}

// link finds a live link by its token. A link whose every part is used is
// dead, except to a retry of a submission it already holds (spent = true).
func (s *Service) link(ctx context.Context, token string, spent bool) (linkRow, meetings.Facts, map[string]useRow, error) {
	if len(token) < 20 || len(token) > 100 {
		return linkRow{}, meetings.Facts{}, nil, errNoLink
	}
	l, err := s.st.linkByHash(ctx, hashToken(token))
	if err != nil {
		if errs.Is(err, errs.NotFound) {
			return linkRow{}, meetings.Facts{}, nil, errNoLink
		}
		return linkRow{}, meetings.Facts{}, nil, err
	}
	if !s.now().Before(l.ExpiresAt) {
		return linkRow{}, meetings.Facts{}, nil, errNoLink
	}
	uses, err := s.st.uses(ctx, l.ID)
	if err != nil {
		return linkRow{}, meetings.Facts{}, nil, err
	}
	if len(uses) >= len(l.Parts.V) && !spent {
		return linkRow{}, meetings.Facts{}, nil, errNoLink
	}
	m, err := s.meetings.Facts(ctx, l.MeetingID)
	return l, m, uses, err
}

// Open shows a link's page. It is audited with the case, without an actor.
func (s *Service) Open(ctx context.Context, token string) (PublicView, error) {
	var out PublicView
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		l, m, uses, err := s.link(ctx, token, false)
		if err != nil {
			return err
		}
		out = PublicView{FirstName: firstName(m.CitizenName), MeetingStart: m.StartsAt, ExpiresAt: l.ExpiresAt}
		for _, p := range l.Parts.V {
			_, done := uses[p]
			out.Parts = append(out.Parts, PartState{Part: p, Done: done})
		}
		return s.audit.Record(ctx, audit.Event{Action: actLinkOpen, CaseID: &m.CaseID, TeamID: &m.TeamID, Subject: "feedback link " + l.ID.String()})
	})
	if err != nil {
		return PublicView{}, fmt.Errorf("open feedback link: %w", err)
	}
	return out, nil
}

// Submission is what the citizen sends for one part of a link.
type Submission struct {
	ID      uuid.UUID
	Items   map[string]json.RawMessage // ors, srs
	Answers AnswersInput               // questions
	Topics  []string                   // topics
}

// Submit stores the citizen's answer to one part of a link. Each part is
// used once; the same submission sent again (a retry from a flaky
// connection) is answered as the first time and stored once. It reports
// whether this call stored it.
func (s *Service) Submit(ctx context.Context, token, part string, in Submission) (bool, error) {
	var f errs.Fields
	if in.ID == uuid.Nil {
		f.Add("submission_id", "is required: a UUID the device makes once per form, so that a retry is stored once")
	}
	var items Items
	switch part {
	case "ors", "srs":
		items = ParseItems(&f, "items.", Scale(part), in.Items)
	case "questions":
		in.Answers = validAnswers(&f, in.Answers)
	case "topics":
		if len(in.Topics) == 0 || len(in.Topics) > 5 {
			f.Add("topics", "must hold 1 to 5 topics")
		}
		for i, t := range in.Topics {
			in.Topics[i] = strings.TrimSpace(t)
			if n := utf8.RuneCountInString(in.Topics[i]); n == 0 || n > 300 {
				f.Add(fmt.Sprintf("topics[%d]", i), "must be 1 to 300 characters")
			}
		}
	default:
		return false, errNoLink
	}
	stored := false
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		l, m, uses, err := s.link(ctx, token, true)
		if err != nil {
			return err
		}
		offered := false
		for _, p := range l.Parts.V {
			offered = offered || p == part
		}
		if !offered {
			return errNoLink
		}
		if u, done := uses[part]; done {
			if u.SubmissionID == in.ID {
				return nil // a retry of what is stored: answer as before
			}
			return errAnswered
		}
		if len(uses) >= len(l.Parts.V) {
			return errNoLink
		}
		if err := f.Err(); err != nil {
			return err
		}
		ok, err := s.st.insertUse(ctx, useRow{LinkID: l.ID, Part: part, SubmissionID: in.ID, UsedAt: s.now()})
		if err != nil {
			return err
		}
		if !ok {
			// A retry racing its original: the original wins.
			return errAnswered
		}
		switch part {
		case "ors", "srs":
			if _, err := s.store(ctx, m, Scale(part), RaterCitizen, ByCitizenDevice, nil, items); err != nil {
				return err
			}
		case "questions":
			if err := s.storeAnswers(ctx, m, in.Answers, ByCitizenDevice, nil); err != nil {
				return err
			}
		case "topics":
			if err := s.meetings.AddCitizenTopics(ctx, m.ID, in.Topics); err != nil {
				return err
			}
		}
		stored = true
		return s.audit.Record(ctx, audit.Event{Action: actLinkSubmit, CaseID: &m.CaseID, TeamID: &m.TeamID,
			Subject: "feedback link " + l.ID.String(), Detail: part})
	})
	if err != nil {
		return false, fmt.Errorf("submit feedback: %w", err)
	}
	return stored, nil
}
