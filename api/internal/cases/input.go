package cases

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// NewCase is the input to Create. Field names in errors follow the API.
type NewCase struct {
	TeamID           uuid.UUID
	CaseworkerID     *uuid.UUID // default: the creating user
	CitizenName      string
	CitizenCPR       string
	LegalBasis       string
	LegalBasisNote   string
	TargetGroup      string
	Dreams           []Dream
	Resources        []Resource
	Network          []NetworkPerson
	ContactAgreement ContactAgreement
	Expectations     []Expectation
	FollowUpCadence  string
	NextFollowUp     string // YYYY-MM-DD or empty
}

// CaseChange is a partial update; nil fields are left alone.
type CaseChange struct {
	CaseworkerID     *uuid.UUID
	CitizenName      *string
	CitizenCPR       *string
	LegalBasis       *string
	LegalBasisNote   *string
	TargetGroup      *string
	Dreams           *[]Dream
	Resources        *[]Resource
	Network          *[]NetworkPerson
	ContactAgreement *ContactAgreement
	Expectations     *[]Expectation
	FollowUpCadence  *string
	NextFollowUp     *string // "" clears
}

// Fields lists which fields a change touches (for the audit detail).
func (ch CaseChange) Fields() []string {
	var out []string
	add := func(set bool, name string) {
		if set {
			out = append(out, name)
		}
	}
	add(ch.CaseworkerID != nil, "caseworker_id")
	add(ch.CitizenName != nil, "citizen.name")
	add(ch.CitizenCPR != nil, "citizen.cpr")
	add(ch.LegalBasis != nil, "legal_basis")
	add(ch.LegalBasisNote != nil, "legal_basis_note")
	add(ch.TargetGroup != nil, "target_group")
	add(ch.Dreams != nil, "dreams")
	add(ch.Resources != nil, "resources")
	add(ch.Network != nil, "network")
	add(ch.ContactAgreement != nil, "contact_agreement")
	add(ch.Expectations != nil, "expectations")
	add(ch.FollowUpCadence != nil, "follow_up_cadence")
	add(ch.NextFollowUp != nil, "next_follow_up_date")
	return out
}

// normaliseDocuments validates and normalises the sub-documents in place,
// giving new items ids and timestamps. Existing ids are kept so that later
// features (goals) can point at a dream.
func normaliseDreams(f *errs.Fields, ds []Dream, now time.Time) []Dream {
	if len(ds) > maxDreams {
		f.Add("dreams", fmt.Sprintf("at most %d", maxDreams))
		return ds
	}
	out := make([]Dream, len(ds))
	for i, d := range ds {
		p := fmt.Sprintf("dreams[%d].", i)
		d.Text = text(f, p+"text", d.Text, maxTextLen, true)
		if d.Kind == "" {
			d.Kind = "unspecified"
		}
		oneOf(f, p+"kind", d.Kind, DreamKinds, true)
		if d.ExpressedBy == "" {
			d.ExpressedBy = "citizen"
		}
		oneOf(f, p+"expressed_by", d.ExpressedBy, ExpressedBy, true)
		if d.ID == uuid.Nil {
			d.ID = uuid.New()
		}
		if d.RecordedAt.IsZero() {
			d.RecordedAt = now
		}
		out[i] = d
	}
	checkUniqueIDs(f, "dreams", len(out), func(i int) uuid.UUID { return out[i].ID })
	return out
}

func normaliseResources(f *errs.Fields, rs []Resource, now time.Time) []Resource {
	if len(rs) > maxResources {
		f.Add("resources", fmt.Sprintf("at most %d", maxResources))
		return rs
	}
	out := make([]Resource, len(rs))
	for i, r := range rs {
		p := fmt.Sprintf("resources[%d].", i)
		r.Description = text(f, p+"description", r.Description, maxTextLen, true)
		oneOf(f, p+"type", r.Type, ResourceTypes, true)
		if r.Source == "" {
			r.Source = "citizen"
		}
		oneOf(f, p+"source", r.Source, ResourceSources, true)
		if r.ID == uuid.Nil {
			r.ID = uuid.New()
		}
		if r.RecordedAt.IsZero() {
			r.RecordedAt = now
		}
		out[i] = r
	}
	checkUniqueIDs(f, "resources", len(out), func(i int) uuid.UUID { return out[i].ID })
	return out
}

func normaliseNetwork(f *errs.Fields, ns []NetworkPerson) []NetworkPerson {
	if len(ns) > maxNetwork {
		f.Add("network", fmt.Sprintf("at most %d", maxNetwork))
		return ns
	}
	out := make([]NetworkPerson, len(ns))
	for i, n := range ns {
		p := fmt.Sprintf("network[%d].", i)
		n.Name = text(f, p+"name", n.Name, maxNameLen, true)
		n.Relation = text(f, p+"relation", n.Relation, maxNameLen, true)
		oneOf(f, p+"kind", n.Kind, NetworkKinds, true)
		oneOf(f, p+"contact_status", n.ContactStatus, ContactStatuses, false)
		n.Note = text(f, p+"note", n.Note, maxTextLen, false)
		if n.ID == uuid.Nil {
			n.ID = uuid.New()
		}
		out[i] = n
	}
	checkUniqueIDs(f, "network", len(out), func(i int) uuid.UUID { return out[i].ID })
	return out
}

func normaliseContact(f *errs.Fields, c ContactAgreement) ContactAgreement {
	const p = "contact_agreement."
	allOf(f, p+"meeting_formats", c.MeetingFormats, MeetingFormats)
	allOf(f, p+"meeting_places", c.MeetingPlaces, MeetingPlaces)
	allOf(f, p+"times_of_day", c.TimesOfDay, TimesOfDay)
	allOf(f, p+"media", c.Media, Media)
	oneOf(f, p+"preferred_frequency", c.PreferredFrequency, Frequencies, false)
	oneOf(f, p+"closeness", c.Closeness, Closeness, false)
	c.TimeNotes = text(f, p+"time_notes", c.TimeNotes, 1000, false)
	c.AvoidConditions = text(f, p+"avoid_conditions", c.AvoidConditions, maxTextLen, false)
	c.Notes = text(f, p+"notes", c.Notes, maxTextLen, false)
	agreed := date(f, p+"agreed_on", c.AgreedOn)
	review := date(f, p+"review_by", c.ReviewBy)
	if agreed != nil && review != nil && review.Before(*agreed) {
		f.Add(p+"review_by", "must not be before agreed_on")
	}
	for _, s := range []*[]string{&c.MeetingFormats, &c.MeetingPlaces, &c.TimesOfDay, &c.Media} {
		if *s == nil {
			*s = []string{}
		}
	}
	return c
}

func normaliseExpectations(f *errs.Fields, es []Expectation) []Expectation {
	if len(es) > maxExpectations {
		f.Add("expectations", fmt.Sprintf("at most %d", maxExpectations))
		return es
	}
	out := make([]Expectation, len(es))
	for i, e := range es {
		p := fmt.Sprintf("expectations[%d].", i)
		if e.HeldOn == "" {
			f.Add(p+"held_on", "is required")
		}
		held := date(f, p+"held_on", e.HeldOn)
		next := date(f, p+"next_review", e.NextReview)
		if held != nil && next != nil && next.Before(*held) {
			f.Add(p+"next_review", "must not be before held_on")
		}
		if len(e.Topics) == 0 {
			f.Add(p+"topics", "name at least one topic")
		}
		allOf(f, p+"topics", e.Topics, AlignmentTopics)
		e.Summary = text(f, p+"summary", e.Summary, maxTextLen, true)
		if e.ID == uuid.Nil {
			e.ID = uuid.New()
		}
		out[i] = e
	}
	checkUniqueIDs(f, "expectations", len(out), func(i int) uuid.UUID { return out[i].ID })
	return out
}

func checkUniqueIDs(f *errs.Fields, field string, n int, id func(int) uuid.UUID) {
	seen := map[uuid.UUID]bool{}
	for i := 0; i < n; i++ {
		if seen[id(i)] {
			f.Add(fmt.Sprintf("%s[%d].id", field, i), "is used twice")
		}
		seen[id(i)] = true
	}
}

// keepRecordedAt preserves the original recording time of items that
// already existed, so a client cannot rewrite when a dream or a resource was
// first recorded; new items get theirs when normalised.
func keepRecordedAt[T any](old, upd []T, id func(*T) uuid.UUID, at func(*T) *time.Time) {
	byID := map[uuid.UUID]time.Time{}
	for i := range old {
		byID[id(&old[i])] = *at(&old[i])
	}
	for i := range upd {
		*at(&upd[i]) = byID[id(&upd[i])] // zero for new items
	}
}

func validCitizen(f *errs.Fields, name, cpr string, now time.Time) (string, CPR) {
	name = text(f, "citizen.name", name, maxNameLen, true)
	if cpr == "" {
		f.Add("citizen.cpr", "is required")
		return name, CPR{}
	}
	c, err := ParseCPR(cpr)
	if err != nil {
		f.Add("citizen.cpr", err.Error())
	} else if bd, _ := c.BirthDate(); bd.After(now) {
		f.Add("citizen.cpr", "has a date of birth in the future")
	}
	return name, c
}
