// Package meetings owns the meetings of a case: when, in what form, where,
// with whom, whether the agenda went out beforehand, the agenda itself (the
// caseworker's items and the topics the citizen adds), a short summary and the
// agreements made. Held meetings are the case's actual contact, which the
// package compares with the case's contact agreement, so that a broken promise
// of contact shows before the citizen has to complain. Access follows the
// case: a meeting is visible exactly when its case is.
package meetings

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Form is how a meeting takes place.
type Form string

const (
	Office      Form = "office"
	Home        Form = "home"
	WalkAndTalk Form = "walk_and_talk"
	Video       Form = "video"
	Phone       Form = "phone"
	OtherForm   Form = "other"
)

// Forms lists every form in the order lists and counts use.
var Forms = []Form{Office, Home, WalkAndTalk, Video, Phone, OtherForm}

// Status of a meeting. Only held meetings count as contact.
type Status string

const (
	Planned   Status = "planned"
	Held      Status = "held"
	Cancelled Status = "cancelled"
)

// Statuses lists every status.
var Statuses = []Status{Planned, Held, Cancelled}

// Participant kinds, who adds agenda items, who is responsible for an
// agreement.
var (
	ParticipantKinds = []string{"citizen", "relative", "provider", "network", "colleague"}
	AddedByKinds     = []string{AddedByCaseworker, AddedByCitizen}
	Responsibles     = []string{"citizen", "caseworker", "provider", "relative", "other"}
)

// Who added an agenda item.
const (
	AddedByCaseworker = "caseworker"
	AddedByCitizen    = "citizen"
)

// Limits of the fields.
const (
	maxPlace        = 200
	maxName         = 200
	maxNote         = 1000
	maxSummary      = 4000
	maxAgendaText   = 300
	maxAgreement    = 1000
	maxParticipants = 30
	maxAgenda       = 50
	maxAgreements   = 50
	maxTopics       = 5 // topics the citizen adds at a time
	minDuration     = 5
	maxDuration     = 600
	maxStartsAt     = 40 // characters of an RFC 3339 time
)

// Participant is someone who takes part in a meeting.
type Participant struct {
	Kind string `json:"kind"`
	Name string `json:"name,omitempty"`
	Note string `json:"note,omitempty"`
}

// AgendaItem is one point on a meeting's agenda. The citizen's topics are kept
// in their own words.
type AgendaItem struct {
	ID      uuid.UUID `json:"id"`
	Text    string    `json:"text"`
	AddedBy string    `json:"added_by"`
	AddedAt time.Time `json:"added_at"`
}

// Agreement is something agreed at a meeting, with who does it and by when.
type Agreement struct {
	ID          uuid.UUID `json:"id"`
	Text        string    `json:"text"`
	Responsible string    `json:"responsible"`
	DueDate     string    `json:"due_date,omitempty"` // YYYY-MM-DD
}

// Meeting is one meeting of a case, planned, held or cancelled.
type Meeting struct {
	ID              uuid.UUID
	CaseID          uuid.UUID
	StartsAt        time.Time
	DurationMinutes *int
	Form            Form
	Place           string
	Participants    []Participant
	AgendaSent      bool
	Agenda          []AgendaItem
	Summary         string
	Agreements      []Agreement
	Status          Status
	CreatedAt       time.Time
	UpdatedAt       time.Time
	Version         int
}

// --- contact against the contact agreement ---

// ContactState is how a case's actual contact stands against its agreement.
type ContactState string

const (
	OnTrack ContactState = "on_track"
	Overdue ContactState = "overdue"
	// NoAgreement: the agreement names no frequency, or "as needed", so no
	// meeting is ever late.
	NoAgreement ContactState = "no_agreement"
)

// CountedFrom names the date that days since contact is counted from.
type CountedFrom string

const (
	FromLastMeeting CountedFrom = "last_meeting"
	FromAgreement   CountedFrom = "agreement"
	FromCaseOpened  CountedFrom = "case_opened"
)

// WindowDays is how far back held meetings are counted by form.
const WindowDays = 90

var intervals = map[string]int{
	"weekly": 7, "every_2_weeks": 14, "monthly": 31, "quarterly": 92, "every_4_months": 123, "half_yearly": 183, "yearly": 366,
}

// Interval is the longest gap in days between meetings that an agreed
// frequency allows; ok is false for "as_needed", for no frequency, and for a
// value it does not know. Months count as their longest (31 days), so a
// meeting on the same date next month is never late.
func Interval(frequency string) (days int, ok bool) {
	days, ok = intervals[frequency]
	return days, ok
}

// Covers reports whether a contact agreement covers a meeting form. In-person
// forms map onto meeting formats (office → seated_conversation, home →
// home_visit, walk_and_talk → walk_and_talk); when the agreement names no
// meeting format, in-person contact is covered by the medium in_person. Video
// and phone map onto the media video_call and phone_call. "Other" is never
// flagged, and neither is anything when the agreement names no format and no
// medium at all: there is nothing to compare with.
func Covers(ag cases.ContactAgreement, f Form) bool {
	if len(ag.MeetingFormats) == 0 && len(ag.Media) == 0 {
		return true
	}
	switch f {
	case Office, Home, WalkAndTalk:
		format := map[Form]string{Office: "seated_conversation", Home: "home_visit", WalkAndTalk: "walk_and_talk"}[f]
		if len(ag.MeetingFormats) == 0 {
			return contains(ag.Media, "in_person")
		}
		return contains(ag.MeetingFormats, format)
	case Video:
		return contains(ag.Media, "video_call")
	case Phone:
		return contains(ag.Media, "phone_call")
	}
	return true
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// HeldMeeting is a held meeting as the contact comparison sees it: the date it
// took place (in the municipality's time zone) and its form.
type HeldMeeting struct {
	On   time.Time
	Form Form
}

// FormCount is how many meetings of one form were held.
type FormCount struct {
	Form Form
	Held int
}

// Contact is a case's actual contact against its contact agreement.
type Contact struct {
	Frequency   string     // as agreed; "" when none
	Interval    int        // days; 0 when the frequency sets no expectation
	LastHeld    *time.Time // date of the last held meeting
	CountedFrom CountedFrom
	Since       time.Time // the date days are counted from
	DaysSince   int
	NextDue     *time.Time // date by which the next meeting is expected
	State       ContactState
	WindowFrom  time.Time   // first date counted in HeldByForm
	HeldByForm  []FormCount // every form, in Forms order
	// Forms of held meetings in the window, on or after the agreement's
	// date, that the agreement does not cover, in Forms order.
	OutsideAgreement []Form
}

// CompareContact compares held meetings with a contact agreement on today
// (all dates at midnight UTC, read in the municipality's zone). Days since
// contact count from the last held meeting, else from the date the agreement
// was made, else from the date the case was opened; the next meeting is due
// one interval after that date and is overdue from the day after.
func CompareContact(ag cases.ContactAgreement, openedOn time.Time, held []HeldMeeting, today time.Time) Contact {
	c := Contact{Frequency: ag.PreferredFrequency, CountedFrom: FromCaseOpened, Since: openedOn,
		WindowFrom: today.AddDate(0, 0, -WindowDays), State: NoAgreement}
	agreedOn, agreed := parseDay(ag.AgreedOn)
	for _, h := range held {
		if c.LastHeld == nil || h.On.After(*c.LastHeld) {
			on := h.On
			c.LastHeld = &on
		}
	}
	switch {
	case c.LastHeld != nil:
		c.CountedFrom, c.Since = FromLastMeeting, *c.LastHeld
	case agreed:
		c.CountedFrom, c.Since = FromAgreement, agreedOn
	}
	if d := int(today.Sub(c.Since).Hours() / 24); d > 0 {
		c.DaysSince = d
	}
	if days, ok := Interval(ag.PreferredFrequency); ok {
		due := c.Since.AddDate(0, 0, days)
		c.Interval, c.NextDue, c.State = days, &due, OnTrack
		if today.After(due) {
			c.State = Overdue
		}
	}
	counts := map[Form]int{}
	outside := map[Form]bool{}
	for _, h := range held {
		if h.On.Before(c.WindowFrom) || h.On.After(today) {
			continue
		}
		counts[h.Form]++
		if (!agreed || !h.On.Before(agreedOn)) && !Covers(ag, h.Form) {
			outside[h.Form] = true
		}
	}
	c.HeldByForm = make([]FormCount, len(Forms))
	c.OutsideAgreement = []Form{}
	for i, f := range Forms {
		c.HeldByForm[i] = FormCount{Form: f, Held: counts[f]}
		if outside[f] {
			c.OutsideAgreement = append(c.OutsideAgreement, f)
		}
	}
	return c
}

func parseDay(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// --- validation helpers ---

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
	if !contains(allowed, v) {
		f.Add(field, "must be one of "+strings.Join(allowed, ", "))
	}
}

func formNames() []string {
	out := make([]string, len(Forms))
	for i, x := range Forms {
		out[i] = string(x)
	}
	return out
}

func statusNames() []string {
	out := make([]string, len(Statuses))
	for i, x := range Statuses {
		out[i] = string(x)
	}
	return out
}
