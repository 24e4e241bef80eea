package meetings

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// AgendaInput is an agenda item as the caseworker sends it: the id of an item
// to keep (uuid.Nil for a new one) and its text.
type AgendaInput struct {
	ID   uuid.UUID
	Text string
}

// Fields of a meeting as sent on create and update. Update uses nil for
// "leave as it is"; lists are replaced whole, and items to keep are sent
// back with their ids.
type Fields struct {
	StartsAt        *string // RFC 3339
	DurationMinutes *int    // 0 removes the duration
	Form            *string
	Place           *string
	Participants    *[]Participant
	AgendaSent      *bool
	Agenda          *[]AgendaInput
	Summary         *string
	Agreements      *[]Agreement // ID uuid.Nil for a new agreement
	Status          *string
}

// Names lists the fields a change touches (for the audit detail, which never
// holds free text).
func (in Fields) Names() []string {
	var out []string
	add := func(set bool, name string) {
		if set {
			out = append(out, name)
		}
	}
	add(in.StartsAt != nil, "starts_at")
	add(in.DurationMinutes != nil, "duration_minutes")
	add(in.Form != nil, "form")
	add(in.Place != nil, "place")
	add(in.Participants != nil, "participants")
	add(in.AgendaSent != nil, "agenda_sent")
	add(in.Agenda != nil, "agenda")
	add(in.Summary != nil, "summary")
	add(in.Agreements != nil, "agreements")
	add(in.Status != nil, "status")
	return out
}

// apply validates in and writes it onto m, collecting every field error. now
// stamps new agenda items and decides whether a meeting can have been held.
func (in Fields) apply(m *Meeting, fe *errs.Fields, now time.Time) {
	if in.StartsAt != nil {
		if t, ok := parseStartsAt(*in.StartsAt); ok {
			m.StartsAt = t
		} else if *in.StartsAt == "" {
			fe.Add("starts_at", "is required")
		} else {
			fe.Add("starts_at", "must be a date and time with its offset, such as 2027-01-31T10:00:00+01:00")
		}
	}
	if in.DurationMinutes != nil {
		switch d := *in.DurationMinutes; {
		case d == 0:
			m.DurationMinutes = nil
		case d < minDuration || d > maxDuration:
			fe.Add("duration_minutes", fmt.Sprintf("must be from %d to %d minutes", minDuration, maxDuration))
		default:
			m.DurationMinutes = &d
		}
	}
	if in.Form != nil {
		oneOf(fe, "form", *in.Form, formNames(), true)
		m.Form = Form(*in.Form)
	}
	if in.Place != nil {
		m.Place = text(fe, "place", *in.Place, maxPlace, false)
	}
	if in.Participants != nil {
		m.Participants = participants(fe, *in.Participants)
	}
	if in.AgendaSent != nil {
		m.AgendaSent = *in.AgendaSent
	}
	if in.Agenda != nil {
		m.Agenda = agenda(fe, m.Agenda, *in.Agenda, now)
	}
	if in.Summary != nil {
		m.Summary = text(fe, "summary", *in.Summary, maxSummary, false)
	}
	if in.Agreements != nil {
		m.Agreements = agreements(fe, m.Agreements, *in.Agreements)
	}
	if in.Status != nil {
		oneOf(fe, "status", *in.Status, statusNames(), true)
		m.Status = Status(*in.Status)
	}
	// A meeting is held only once it has started; the error names the field
	// the change touched.
	if m.Status == Held && m.StartsAt.After(now) {
		if in.Status != nil {
			fe.Add("status", "can be held only once the meeting has started (starts_at is in the future)")
		} else {
			fe.Add("starts_at", "must not be in the future for a meeting that has been held")
		}
	}
}

// parseStartsAt reads an RFC 3339 time, kept to the second in UTC.
func parseStartsAt(v string) (time.Time, bool) {
	if len(v) > maxStartsAt {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, false
	}
	return t.UTC().Truncate(time.Second), true
}

func participants(fe *errs.Fields, ps []Participant) []Participant {
	if len(ps) > maxParticipants {
		fe.Add("participants", fmt.Sprintf("at most %d", maxParticipants))
		return ps
	}
	out := make([]Participant, len(ps))
	for i, p := range ps {
		pre := fmt.Sprintf("participants[%d].", i)
		oneOf(fe, pre+"kind", p.Kind, ParticipantKinds, true)
		out[i] = Participant{Kind: p.Kind, Name: text(fe, pre+"name", p.Name, maxName, false),
			Note: text(fe, pre+"note", p.Note, maxNote, false)}
	}
	return out
}

// agenda replaces the agenda. Items sent back with their id keep who added
// them and when; a citizen's topic keeps their words (it can be removed, not
// reworded). Items without an id are the caseworker's, added now.
func agenda(fe *errs.Fields, old []AgendaItem, in []AgendaInput, now time.Time) []AgendaItem {
	if len(in) > maxAgenda {
		fe.Add("agenda", fmt.Sprintf("at most %d items", maxAgenda))
		return old
	}
	byID := map[uuid.UUID]AgendaItem{}
	for _, it := range old {
		byID[it.ID] = it
	}
	seen := map[uuid.UUID]bool{}
	out := make([]AgendaItem, len(in))
	for i, it := range in {
		pre := fmt.Sprintf("agenda[%d].", i)
		txt := text(fe, pre+"text", it.Text, maxAgendaText, true)
		item := AgendaItem{ID: uuid.New(), Text: txt, AddedBy: AddedByCaseworker, AddedAt: now}
		if it.ID != uuid.Nil {
			prev, ok := byID[it.ID]
			switch {
			case !ok:
				fe.Add(pre+"id", "is not an item of this meeting's agenda; leave it out for a new item")
			case seen[it.ID]:
				fe.Add(pre+"id", "is used twice")
			case prev.AddedBy == AddedByCitizen && txt != prev.Text:
				fe.Add(pre+"text", "is the citizen's topic in their own words; it can be removed but not reworded")
			}
			seen[it.ID] = true
			item.ID, item.AddedBy, item.AddedAt = it.ID, prev.AddedBy, prev.AddedAt
		}
		out[i] = item
	}
	return out
}

// agreements replaces the agreements, keeping the ids of those sent back.
func agreements(fe *errs.Fields, old []Agreement, in []Agreement) []Agreement {
	if len(in) > maxAgreements {
		fe.Add("agreements", fmt.Sprintf("at most %d", maxAgreements))
		return old
	}
	known := map[uuid.UUID]bool{}
	for _, a := range old {
		known[a.ID] = true
	}
	seen := map[uuid.UUID]bool{}
	out := make([]Agreement, len(in))
	for i, a := range in {
		pre := fmt.Sprintf("agreements[%d].", i)
		ag := Agreement{ID: a.ID, Text: text(fe, pre+"text", a.Text, maxAgreement, true), Responsible: a.Responsible, DueDate: a.DueDate}
		oneOf(fe, pre+"responsible", a.Responsible, Responsibles, true)
		if a.DueDate != "" {
			if _, err := time.Parse(time.DateOnly, a.DueDate); err != nil {
				fe.Add(pre+"due_date", "must be a date such as 2027-01-31")
			}
		}
		switch {
		case a.ID == uuid.Nil:
			ag.ID = uuid.New()
		case !known[a.ID]:
			fe.Add(pre+"id", "is not an agreement of this meeting; leave it out for a new agreement")
		case seen[a.ID]:
			fe.Add(pre+"id", "is used twice")
		}
		seen[a.ID] = true
		out[i] = ag
	}
	return out
}

// citizenTopics validates topics the citizen adds to an agenda and turns
// them into agenda items.
func citizenTopics(fe *errs.Fields, topics []string, now time.Time) []AgendaItem {
	if len(topics) == 0 || len(topics) > maxTopics {
		fe.Add("topics", fmt.Sprintf("must hold 1 to %d topics", maxTopics))
		return nil
	}
	out := make([]AgendaItem, len(topics))
	for i, t := range topics {
		out[i] = AgendaItem{ID: uuid.New(), Text: text(fe, fmt.Sprintf("topics[%d]", i), t, maxAgendaText, true),
			AddedBy: AddedByCitizen, AddedAt: now}
	}
	return out
}
