package meetings

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
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

// Cases is what meetings need from the cases domain: authorised facts for the
// use cases, plain facts for the functions other domains call.
type Cases interface {
	FactsFor(ctx context.Context, a actor.Actor, id uuid.UUID, action audit.Action) (cases.Facts, error)
	Facts(ctx context.Context, id uuid.UUID) (cases.Facts, error)
}

// Audited actions of this domain.
const (
	actCreate  audit.Action = "meeting.create"
	actList    audit.Action = "meeting.list"
	actRead    audit.Action = "meeting.read"
	actUpdate  audit.Action = "meeting.update"
	actContact audit.Action = "case.contact_read"
)

// Service implements the meeting use cases. Error contract as in cases and
// goals: a case or meeting outside the actor's teams is NotFound (the same as
// a missing one, and audited as denied), roles without case access get
// Forbidden, bad input is Invalid with every field error, a change to a
// meeting of a closed case is Conflict, a stale version PreconditionFailed.
type Service struct {
	db    *db.DB
	st    store
	audit Auditor
	cases Cases
	clock clock.Clock
}

// NewService wires the meetings service.
func NewService(d *db.DB, a Auditor, c Cases, cl clock.Clock) *Service {
	return &Service{db: d, st: store{db: d}, audit: a, cases: c, clock: cl}
}

func (s *Service) now() time.Time   { return s.clock.Now().UTC().Truncate(time.Microsecond) }
func (s *Service) today() time.Time { return clock.TodayOf(s.clock) }

// dateOf is the calendar date of t on the municipality's wall clock, as
// midnight UTC (the form today() has), so that a meeting at 00:30 Danish time
// counts on its Danish date.
func (s *Service) dateOf(t time.Time) time.Time {
	loc := time.UTC
	if z, ok := s.clock.(interface{ Location() *time.Location }); ok && z.Location() != nil {
		loc = z.Location()
	}
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func requireOpen(f cases.Facts) error {
	if f.Status == cases.StatusClosed {
		return errs.New(errs.Conflict, "The case is closed. Reopen it before changing its meetings.")
	}
	return nil
}

func noMeeting(id uuid.UUID) error { return errs.NotFoundf("No meeting with id %s.", id) }

// meetingFor authorises access to one meeting through its case. A meeting of
// another team's case is the same NotFound as a missing one, as an
// *audit.Denial for the caller's RecordDenial.
func (s *Service) meetingFor(ctx context.Context, a actor.Actor, id uuid.UUID, action audit.Action) (meetingRow, cases.Facts, error) {
	if err := a.RequireCaseAccess(); err != nil {
		return meetingRow{}, cases.Facts{}, err
	}
	r, err := s.st.meeting(ctx, id)
	if err != nil {
		if errs.Is(err, errs.NotFound) {
			return meetingRow{}, cases.Facts{}, &audit.Denial{
				Event: audit.Event{Action: action, Outcome: audit.Denied, Detail: "meeting " + id.String() + " not found for this user"},
				Err:   noMeeting(id)}
		}
		return meetingRow{}, cases.Facts{}, err
	}
	f, err := s.cases.FactsFor(ctx, a, r.CaseID, action)
	if err != nil {
		var d *audit.Denial
		if errors.As(err, &d) {
			d.Err = noMeeting(id)
		}
		return meetingRow{}, cases.Facts{}, err
	}
	return r, f, nil
}

func toMeeting(r meetingRow) Meeting {
	m := Meeting{ID: r.ID, CaseID: r.CaseID, StartsAt: r.StartsAt.UTC(), DurationMinutes: r.DurationMinutes, Form: Form(r.Form),
		Place: r.Place, Participants: r.Participants.V, AgendaSent: r.AgendaSent, Agenda: r.Agenda.V, Summary: r.Summary,
		Agreements: r.Agreements.V, Status: Status(r.Status), CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		Version: r.Version}
	if m.Participants == nil {
		m.Participants = []Participant{}
	}
	if m.Agenda == nil {
		m.Agenda = []AgendaItem{}
	}
	if m.Agreements == nil {
		m.Agreements = []Agreement{}
	}
	return m
}

func toRow(m Meeting, by uuid.UUID) meetingRow {
	return meetingRow{ID: m.ID, CaseID: m.CaseID, StartsAt: m.StartsAt, DurationMinutes: m.DurationMinutes, Form: string(m.Form),
		Place: m.Place, Participants: db.JSON[[]Participant]{V: m.Participants}, AgendaSent: m.AgendaSent,
		Agenda: db.JSON[[]AgendaItem]{V: m.Agenda}, Summary: m.Summary, Agreements: db.JSON[[]Agreement]{V: m.Agreements},
		Status: string(m.Status), CreatedAt: m.CreatedAt, CreatedBy: by, UpdatedAt: m.UpdatedAt, UpdatedBy: by, Version: m.Version}
}

// Create adds a meeting to an open case. starts_at and form are required; a
// meeting may lie in the past or the future, is planned unless the input
// says otherwise, and can be held only once it has started.
func (s *Service) Create(ctx context.Context, a actor.Actor, caseID uuid.UUID, in Fields) (Meeting, error) {
	ctx = actor.With(ctx, a)
	var out Meeting
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		f, err := s.cases.FactsFor(ctx, a, caseID, actCreate)
		if err != nil {
			return err
		}
		if err := requireOpen(f); err != nil {
			return err
		}
		now := s.now()
		m := Meeting{ID: uuid.New(), CaseID: caseID, Status: Planned, Participants: []Participant{}, Agenda: []AgendaItem{},
			Agreements: []Agreement{}, CreatedAt: now, UpdatedAt: now, Version: 1}
		var fe errs.Fields
		if in.StartsAt == nil {
			fe.Add("starts_at", "is required")
		}
		if in.Form == nil {
			fe.Add("form", "is required")
		}
		in.apply(&m, &fe, now)
		if err := fe.Err(); err != nil {
			return err
		}
		if err := s.st.insert(ctx, toRow(m, a.UserID)); err != nil {
			return err
		}
		out = m
		return s.audit.Record(ctx, audit.Event{Action: actCreate, CaseID: &caseID, TeamID: &f.TeamID,
			Detail: "meeting " + m.ID.String() + " " + string(m.Status)})
	})
	if err != nil {
		return Meeting{}, fmt.Errorf("create meeting: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// List returns a case's meetings, newest first, in three statements whatever
// their number (the case's facts, the meetings, the audit row).
func (s *Service) List(ctx context.Context, a actor.Actor, caseID uuid.UUID) ([]Meeting, error) {
	ctx = actor.With(ctx, a)
	var out []Meeting
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		f, err := s.cases.FactsFor(ctx, a, caseID, actList)
		if err != nil {
			return err
		}
		rows, err := s.st.meetingsOfCase(ctx, caseID)
		if err != nil {
			return err
		}
		out = make([]Meeting, len(rows))
		for i, r := range rows {
			out[i] = toMeeting(r)
		}
		return s.audit.Record(ctx, audit.Event{Action: actList, CaseID: &caseID, TeamID: &f.TeamID})
	})
	if err != nil {
		return nil, fmt.Errorf("list meetings: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// Get reads one meeting.
func (s *Service) Get(ctx context.Context, a actor.Actor, id uuid.UUID) (Meeting, error) {
	ctx = actor.With(ctx, a)
	var out Meeting
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, f, err := s.meetingFor(ctx, a, id, actRead)
		if err != nil {
			return err
		}
		out = toMeeting(r)
		return s.audit.Record(ctx, audit.Event{Action: actRead, CaseID: &r.CaseID, TeamID: &f.TeamID, Detail: "meeting " + id.String()})
	})
	if err != nil {
		return Meeting{}, fmt.Errorf("get meeting: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// Update changes a meeting of an open case: the fields given, lists replaced
// whole. Marking a meeting held or cancelled is a change of its status; held
// needs a meeting that has started.
func (s *Service) Update(ctx context.Context, a actor.Actor, id uuid.UUID, version int, in Fields) (Meeting, error) {
	ctx = actor.With(ctx, a)
	var out Meeting
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, f, err := s.meetingFor(ctx, a, id, actUpdate)
		if err != nil {
			return err
		}
		if err := requireOpen(f); err != nil {
			return err
		}
		if r.Version != version {
			return httpx.Stale(r.Version)
		}
		names := in.Names()
		if len(names) == 0 {
			return errs.New(errs.Invalid, "The request changes nothing; send at least one field.")
		}
		m := toMeeting(r)
		from := m.Status
		now := s.now()
		var fe errs.Fields
		in.apply(&m, &fe, now)
		if err := fe.Err(); err != nil {
			return err
		}
		m.UpdatedAt = now
		row := toRow(m, a.UserID)
		cols := map[string]any{"starts_at": row.StartsAt, "duration_minutes": nil, "form": row.Form, "place": row.Place,
			"participants": row.Participants, "agenda_sent": row.AgendaSent, "agenda": row.Agenda, "summary": row.Summary,
			"agreements": row.Agreements, "status": row.Status, "updated_at": row.UpdatedAt, "updated_by": a.UserID}
		if row.DurationMinutes != nil {
			cols["duration_minutes"] = *row.DurationMinutes
		}
		ok, err := s.st.update(ctx, id, version, cols)
		if err != nil {
			return err
		}
		if !ok {
			cur, gerr := s.st.meeting(ctx, id)
			if gerr != nil {
				return gerr
			}
			return httpx.Stale(cur.Version)
		}
		m.Version = version + 1
		out = m
		// Field names and statuses only, never the texts.
		detail := "meeting " + id.String() + " fields: " + strings.Join(names, ",")
		if m.Status != from {
			detail += " (" + string(from) + " -> " + string(m.Status) + ")"
		}
		return s.audit.Record(ctx, audit.Event{Action: actUpdate, CaseID: &r.CaseID, TeamID: &f.TeamID, Detail: detail})
	})
	if err != nil {
		return Meeting{}, fmt.Errorf("update meeting: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// Contact compares a case's held meetings with its contact agreement (see
// CompareContact) on the municipality's today.
func (s *Service) Contact(ctx context.Context, a actor.Actor, caseID uuid.UUID) (Contact, error) {
	ctx = actor.With(ctx, a)
	var out Contact
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		f, err := s.cases.FactsFor(ctx, a, caseID, actContact)
		if err != nil {
			return err
		}
		opened := f.OpenedAt
		rows, err := s.st.held(ctx, caseID)
		if err != nil {
			return err
		}
		held := make([]HeldMeeting, len(rows))
		for i, r := range rows {
			held[i] = HeldMeeting{On: s.dateOf(r.StartsAt), Form: Form(r.Form)}
		}
		out = CompareContact(f.ContactAgreement, s.dateOf(opened), held, s.today())
		return s.audit.Record(ctx, audit.Event{Action: actContact, CaseID: &caseID, TeamID: &f.TeamID})
	})
	if err != nil {
		return Contact{}, fmt.Errorf("read contact: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// --- for other domains (the citizen's feedback) ---

// Facts is what other domains may know about a meeting. It carries no CPR
// number, no summary and no agreements.
type Facts struct {
	ID, CaseID, TeamID uuid.UUID
	StartsAt           time.Time
	Status             Status
	CitizenName        string
}

func toFacts(r meetingRow, c cases.Facts) Facts {
	return Facts{ID: r.ID, CaseID: r.CaseID, TeamID: c.TeamID, StartsAt: r.StartsAt.UTC(), Status: Status(r.Status),
		CitizenName: c.CitizenName}
}

// Facts reads the facts of a meeting and its case; NotFound ("No meeting with
// id …") if it does not exist. It neither authorises nor audits: the caller
// does both, with TeamID.
func (s *Service) Facts(ctx context.Context, id uuid.UUID) (Facts, error) {
	r, err := s.st.meeting(ctx, id)
	if err != nil {
		if errs.Is(err, errs.NotFound) {
			return Facts{}, noMeeting(id)
		}
		return Facts{}, fmt.Errorf("meeting facts: %w", err)
	}
	c, err := s.cases.Facts(ctx, r.CaseID)
	if err != nil {
		return Facts{}, fmt.Errorf("meeting facts: %w", err)
	}
	return toFacts(r, c), nil
}

// FactsFor authorises the actor for a meeting (role, then the case's team)
// and reads its facts. A role without case access is Forbidden; a meeting that
// is missing or belongs to another team's case is NotFound ("No meeting with
// id …"), returned as an *audit.Denial for action, so that the caller's
// audit.RecordDenial writes it after its transaction rolls back. Success is
// not audited here: the caller records its own event.
func (s *Service) FactsFor(ctx context.Context, a actor.Actor, id uuid.UUID, action audit.Action) (Facts, error) {
	r, c, err := s.meetingFor(ctx, a, id, action)
	if err != nil {
		return Facts{}, err
	}
	return toFacts(r, c), nil
}

// AddCitizenTopics appends topics the citizen wants to talk about to a
// planned meeting's agenda (added by "citizen", now), and bumps the meeting's
// version so that a caseworker's open form gets a 412 rather than dropping
// them. It runs in the transaction in ctx, if any, and neither authorises nor
// audits: the caller does both. Errors: NotFound for a missing meeting;
// Invalid for anything but 1 to 5 topics of 1 to 300 characters (fields
// "topics" and "topics[i]") or an agenda without room (50 items at most);
// Conflict when the meeting is held or cancelled, or its case closed.
func (s *Service) AddCitizenTopics(ctx context.Context, id uuid.UUID, topics []string) error {
	now := s.now()
	var fe errs.Fields
	items := citizenTopics(&fe, topics, now)
	if err := fe.Err(); err != nil {
		return err
	}
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		// A caseworker saving the meeting at the same moment moves the
		// version on; read again and append to what they saved.
		for attempt := 0; attempt < 3; attempt++ {
			r, err := s.st.meeting(ctx, id)
			if err != nil {
				if errs.Is(err, errs.NotFound) {
					return noMeeting(id)
				}
				return err
			}
			if Status(r.Status) != Planned {
				return errs.New(errs.Conflict, "The meeting is no longer planned, so topics can no longer be added to its agenda.")
			}
			c, err := s.cases.Facts(ctx, r.CaseID)
			if err != nil {
				return err
			}
			if err := requireOpen(c); err != nil {
				return err
			}
			if room := maxAgenda - len(r.Agenda.V); len(items) > room {
				fe.Add("topics", fmt.Sprintf("the meeting's agenda has room for %d more items", max(room, 0)))
				return fe.Err()
			}
			// The citizen is not a user: updated_by keeps the last staff
			// member who changed the meeting.
			ok, err := s.st.update(ctx, id, r.Version, map[string]any{
				"agenda": db.JSON[[]AgendaItem]{V: append(r.Agenda.V, items...)}, "updated_at": now})
			if err != nil || ok {
				return err
			}
		}
		return errs.New(errs.Conflict, "The meeting is being changed right now. Try again in a moment.")
	})
	if err != nil {
		return fmt.Errorf("add citizen topics: %w", err)
	}
	return nil
}

// Previous is the meeting of the same case that started before meeting id,
// leaving out cancelled ones; nil (and no error) when there is none. NotFound
// if meeting id does not exist. Like Facts it neither authorises nor audits.
func (s *Service) Previous(ctx context.Context, id uuid.UUID) (*Facts, error) {
	r, err := s.st.meeting(ctx, id)
	if err != nil {
		if errs.Is(err, errs.NotFound) {
			return nil, noMeeting(id)
		}
		return nil, fmt.Errorf("previous meeting: %w", err)
	}
	p, err := s.st.previous(ctx, r.CaseID, r.StartsAt)
	if errs.Is(err, errs.NotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("previous meeting: %w", err)
	}
	c, err := s.cases.Facts(ctx, r.CaseID)
	if err != nil {
		return nil, fmt.Errorf("previous meeting: %w", err)
	}
	f := toFacts(p, c)
	return &f, nil
}

// CountHeld counts held meetings with starts_at in [from, to) per team, for
// every team asked about (0 when none). Like Facts it neither authorises nor
// audits: the caller decides which teams the actor may see.
func (s *Service) CountHeld(ctx context.Context, teamIDs []uuid.UUID, from, to time.Time) (map[uuid.UUID]int, error) {
	out := make(map[uuid.UUID]int, len(teamIDs))
	for _, t := range teamIDs {
		out[t] = 0
	}
	if len(teamIDs) == 0 {
		return out, nil
	}
	rows, err := s.st.countHeld(ctx, teamIDs, from.UTC(), to.UTC())
	if err != nil {
		return nil, fmt.Errorf("count held meetings: %w", err)
	}
	for _, r := range rows {
		out[r.TeamID] = r.N
	}
	return out, nil
}
