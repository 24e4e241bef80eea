// Package cases owns the case (sag): the citizen, the legal basis, the phase
// and its history, the citizen's hopes, wishes and dreams, resources, network,
// contact agreement and expectation alignment, and the follow-up schedule.
// Every read and write is authorised by role and team and audited.
package cases

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Phase is one of the six case-processing phases, in order.
type Phase string

const (
	PhaseOpening       Phase = "sagsaabning"
	PhaseInvestigation Phase = "sagsoplysning"
	PhaseAssessment    Phase = "sagsvurdering"
	PhaseDecision      Phase = "afgoerelse"
	PhaseOrder         Phase = "bestilling"
	PhaseFollowUp      Phase = "opfoelgning"
)

// Phases lists the phases in order.
var Phases = []Phase{PhaseOpening, PhaseInvestigation, PhaseAssessment, PhaseDecision, PhaseOrder, PhaseFollowUp}

func (p Phase) index() int {
	for i, q := range Phases {
		if q == p {
			return i
		}
	}
	return -1
}

// Valid reports whether p is a known phase.
func (p Phase) Valid() bool { return p.index() >= 0 }

// AllowedNext lists where a case may go from p: one step forward; from
// afgørelse straight to opfølgning when no provider is ordered, or back to
// sagsoplysning after a refusal; from opfølgning back to any earlier working
// phase except sagsåbning, starting a new iteration.
func (p Phase) AllowedNext() []Phase {
	switch p {
	case PhaseDecision:
		return []Phase{PhaseOrder, PhaseFollowUp, PhaseInvestigation}
	case PhaseFollowUp:
		return []Phase{PhaseInvestigation, PhaseAssessment, PhaseDecision, PhaseOrder}
	}
	i := p.index()
	if i < 0 || i+1 >= len(Phases) {
		return nil
	}
	return []Phase{Phases[i+1]}
}

// CanMoveTo reports whether the transition p → to is allowed.
func (p Phase) CanMoveTo(to Phase) bool {
	for _, q := range p.AllowedNext() {
		if q == to {
			return true
		}
	}
	return false
}

// Status of a case. Cases are never deleted; they are closed and may reopen.
type Status string

const (
	StatusOpen   Status = "open"
	StatusClosed Status = "closed"
)

// Enumerations of the case's coded fields. Each is a closed list; the API
// documents the values.
var (
	LegalBases      = []string{"sel_82", "sel_85", "sel_107", "other"}
	TargetGroups    = []string{"physical_impairment", "intellectual_impairment", "cognitive_impairment", "autism", "mental_health", "social_problems", "other"}
	ClosureReasons  = []string{"goals_achieved", "no_longer_needed", "refused", "citizen_withdrew", "moved", "transferred", "deceased", "other"}
	Frequencies     = []string{"weekly", "every_2_weeks", "monthly", "quarterly", "every_4_months", "half_yearly", "yearly", "as_needed"}
	DreamKinds      = []string{"hope", "wish", "dream", "unspecified"}
	ExpressedBy     = []string{"citizen", "network_on_behalf", "guardian_on_behalf"}
	ResourceTypes   = []string{"skill", "motivation", "good_experience", "interest", "person_family", "person_network", "civil_society", "other"}
	ResourceSources = []string{"citizen", "caseworker", "relative", "provider"}
	NetworkKinds    = []string{"family", "friend", "neighbour", "colleague", "professional", "civil_society", "other"}
	ContactStatuses = []string{"active", "dormant", "conflictual"}
	MeetingFormats  = []string{"seated_conversation", "walk_and_talk", "home_visit", "network_meeting", "cross_disciplinary_meeting", "open_dialogue_meeting", "group_session", "other"}
	MeetingPlaces   = []string{"citizen_home", "outdoors", "cafe_public_place", "park", "municipal_office", "provider_premises", "drop_in_centre", "third_party_institution", "virtual", "other"}
	TimesOfDay      = []string{"morning", "midday", "afternoon", "evening", "no_preference"}
	Media           = []string{"in_person", "phone_call", "sms", "video_call", "email", "letter_digital_post", "chat", "app"}
	Closeness       = []string{"close", "standard", "minimal"}
	AlignmentTopics = []string{"meeting_forms", "caseworker_role", "process_and_timeline", "waiting_time", "information_frequency", "support_scope_and_limits", "resource_focus_meaning", "follow_up_purpose", "role_of_relatives", "provider_role", "other"}
)

// cadenceInterval turns a follow-up cadence into the time to the next one.
func cadenceInterval(freq string) (years, months, days int, ok bool) {
	switch freq {
	case "weekly":
		return 0, 0, 7, true
	case "every_2_weeks":
		return 0, 0, 14, true
	case "monthly":
		return 0, 1, 0, true
	case "quarterly":
		return 0, 3, 0, true
	case "every_4_months":
		return 0, 4, 0, true
	case "half_yearly":
		return 0, 6, 0, true
	case "yearly":
		return 1, 0, 0, true
	}
	return 0, 0, 0, false
}

// Citizen is the person the case is about.
type Citizen struct {
	Name string
	CPR  CPR
}

// Dream is one of the citizen's hopes, wishes or dreams, in their own words.
type Dream struct {
	ID          uuid.UUID `json:"id"`
	Kind        string    `json:"kind"`
	Text        string    `json:"text"`
	ExpressedBy string    `json:"expressed_by"`
	RecordedAt  time.Time `json:"recorded_at"`
}

// Resource is something the citizen has to build on.
type Resource struct {
	ID                 uuid.UUID `json:"id"`
	Type               string    `json:"type"`
	Description        string    `json:"description"`
	Source             string    `json:"source"`
	ConfirmedByCitizen bool      `json:"confirmed_by_citizen"`
	RecordedAt         time.Time `json:"recorded_at"`
}

// NetworkPerson is a person or professional around the citizen. Involving
// them needs the citizen's consent, recorded here.
type NetworkPerson struct {
	ID               uuid.UUID `json:"id"`
	Name             string    `json:"name"`
	Relation         string    `json:"relation"`
	Kind             string    `json:"kind"`
	ContactStatus    string    `json:"contact_status,omitempty"`
	ConsentToInvolve bool      `json:"consent_to_involve"`
	Note             string    `json:"note,omitempty"`
}

// ContactAgreement is how citizen and caseworker agree to be in touch.
type ContactAgreement struct {
	MeetingFormats     []string `json:"meeting_formats"`
	MeetingPlaces      []string `json:"meeting_places"`
	TimesOfDay         []string `json:"times_of_day"`
	TimeNotes          string   `json:"time_notes,omitempty"`
	Media              []string `json:"media"`
	PreferredFrequency string   `json:"preferred_frequency,omitempty"`
	Closeness          string   `json:"closeness,omitempty"`
	AvoidConditions    string   `json:"avoid_conditions,omitempty"`
	AgendaInAdvance    bool     `json:"agenda_in_advance"`
	Notes              string   `json:"notes,omitempty"`
	AgreedOn           string   `json:"agreed_on,omitempty"` // YYYY-MM-DD
	ReviewBy           string   `json:"review_by,omitempty"` // YYYY-MM-DD
}

// Expectation is one round of expectation alignment (forventningsafstemning).
type Expectation struct {
	ID            uuid.UUID `json:"id"`
	HeldOn        string    `json:"held_on"` // YYYY-MM-DD
	Topics        []string  `json:"topics"`
	WithRelatives bool      `json:"with_relatives"`
	Summary       string    `json:"summary"`
	NextReview    string    `json:"next_review,omitempty"`
}

// PhaseChange is one entry in the phase history.
type PhaseChange struct {
	ID         uuid.UUID
	From       Phase
	To         Phase
	Iteration  int
	OccurredAt time.Time
	ActorID    uuid.UUID
	ActorName  string
	Note       string
}

// Case is the aggregate returned by the service.
type Case struct {
	ID               uuid.UUID
	TeamID           uuid.UUID
	CaseworkerID     uuid.UUID
	CaseworkerName   string
	Citizen          Citizen
	LegalBasis       string
	LegalBasisNote   string
	TargetGroup      string
	Phase            Phase
	PhaseIteration   int
	Status           Status
	ClosureReason    string // of the latest closure; kept after a reopen
	ClosureNote      string
	ReopenedAt       *time.Time
	ReopenNote       string
	Dreams           []Dream
	Resources        []Resource
	Network          []NetworkPerson
	ContactAgreement ContactAgreement
	Expectations     []Expectation
	FollowUpCadence  string
	NextFollowUp     *time.Time // date
	OpenedAt         time.Time
	ClosedAt         *time.Time
	CreatedAt        time.Time
	UpdatedAt        time.Time
	Version          int
	PhaseHistory     []PhaseChange // only on single reads
}

// FollowUpOverdue reports whether an open case's next follow-up date has passed.
func (c Case) FollowUpOverdue(today time.Time) bool {
	return c.Status == StatusOpen && c.NextFollowUp != nil && c.NextFollowUp.Before(dateOf(today))
}

func dateOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// --- validation helpers shared by the converters ---

func oneOf(f *errs.Fields, field, v string, allowed []string, required bool) {
	if v == "" {
		if required {
			f.Add(field, "is required")
		}
		return
	}
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	f.Add(field, "must be one of "+strings.Join(allowed, ", "))
}

func allOf(f *errs.Fields, field string, vs []string, allowed []string) {
	if len(vs) > len(allowed) {
		f.Add(field, "lists too many values")
		return
	}
	seen := map[string]bool{}
	for i, v := range vs {
		oneOf(f, fmt.Sprintf("%s[%d]", field, i), v, allowed, true)
		if seen[v] {
			f.Add(fmt.Sprintf("%s[%d]", field, i), "is listed twice")
		}
		seen[v] = true
	}
}

func text(f *errs.Fields, field, v string, max int, required bool) string {
	v = strings.TrimSpace(v)
	if required && v == "" {
		f.Add(field, "is required")
	}
	if utf8.RuneCountInString(v) > max {
		f.Add(field, fmt.Sprintf("must be at most %d characters", max))
	}
	if strings.ContainsRune(v, 0) {
		f.Add(field, "contains a character that is not allowed")
	}
	return v
}

func date(f *errs.Fields, field, v string) *time.Time {
	if v == "" {
		return nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		f.Add(field, "must be a date such as 2026-01-31")
		return nil
	}
	return &t
}

// Limits on list sizes keep every case document small enough to load whole.
const (
	maxDreams       = 50
	maxResources    = 100
	maxNetwork      = 100
	maxExpectations = 100
	maxNameLen      = 200
	maxTextLen      = 4000
)
