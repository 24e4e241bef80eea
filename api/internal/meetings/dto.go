package meetings

import (
	"time"

	"github.com/google/uuid"
)

// ParticipantDTO is someone who takes part in a meeting.
type ParticipantDTO struct {
	Kind string `json:"kind" enums:"citizen,relative,provider,network,colleague"`
	// Optional; for example the relative's or the provider's name.
	Name string `json:"name,omitempty" maxLength:"200"`
	Note string `json:"note,omitempty" maxLength:"1000"`
} // @name MeetingParticipant

// AgendaItemDTO is one point on a meeting's agenda.
type AgendaItemDTO struct {
	ID   uuid.UUID `json:"id" format:"uuid"`
	Text string    `json:"text" maxLength:"300"`
	// The citizen's topics come through their feedback link, in their own words.
	AddedBy string    `json:"added_by" enums:"caseworker,citizen"`
	AddedAt time.Time `json:"added_at" format:"date-time"`
} // @name MeetingAgendaItem

// AgendaItemInput is an agenda item as the caseworker sends it.
type AgendaItemInput struct {
	// Id of an item to keep (who added it and when stay as they were); leave
	// it out for a new item.
	ID *uuid.UUID `json:"id,omitempty" format:"uuid"`
	// A citizen's topic cannot be reworded, only removed.
	Text string `json:"text" maxLength:"300"`
} // @name MeetingAgendaItemInput

// AgreementDTO is something agreed at a meeting.
type AgreementDTO struct {
	ID          uuid.UUID `json:"id" format:"uuid"`
	Text        string    `json:"text" maxLength:"1000"`
	Responsible string    `json:"responsible" enums:"citizen,caseworker,provider,relative,other"`
	DueDate     string    `json:"due_date,omitempty" format:"date" maxLength:"10"`
} // @name MeetingAgreement

// AgreementInput is an agreement as the caseworker sends it.
type AgreementInput struct {
	// Id of an agreement to keep; leave it out for a new one.
	ID          *uuid.UUID `json:"id,omitempty" format:"uuid"`
	Text        string     `json:"text" maxLength:"1000"`
	Responsible string     `json:"responsible" enums:"citizen,caseworker,provider,relative,other"`
	DueDate     string     `json:"due_date,omitempty" maxLength:"10" example:"2027-01-31"`
} // @name MeetingAgreementInput

// MeetingDTO is a meeting of a case.
type MeetingDTO struct {
	ID       uuid.UUID `json:"id" format:"uuid"`
	CaseID   uuid.UUID `json:"case_id" format:"uuid"`
	StartsAt time.Time `json:"starts_at" format:"date-time"`
	// Absent when not given.
	DurationMinutes *int32           `json:"duration_minutes,omitempty" format:"int32" minimum:"5" maximum:"600"`
	Form            string           `json:"form" enums:"office,home,walk_and_talk,video,phone,other"`
	Place           string           `json:"place" maxLength:"200"`
	Participants    []ParticipantDTO `json:"participants" validate:"max=30"`
	// Whether the agenda was sent to the participants beforehand.
	AgendaSent bool            `json:"agenda_sent"`
	Agenda     []AgendaItemDTO `json:"agenda" validate:"max=50"`
	// A short summary of the meeting.
	Summary    string         `json:"summary" maxLength:"4000"`
	Agreements []AgreementDTO `json:"agreements" validate:"max=50"`
	Status     string         `json:"status" enums:"planned,held,cancelled"`
	CreatedAt  time.Time      `json:"created_at" format:"date-time"`
	UpdatedAt  time.Time      `json:"updated_at" format:"date-time"`
	Version    int32          `json:"version" format:"int32" minimum:"1" maximum:"2147483647"`
} // @name Meeting

// MeetingListDTO is a case's meetings, newest first.
type MeetingListDTO struct {
	Items []MeetingDTO `json:"items" validate:"max=1000"`
} // @name MeetingList

// MeetingRequest adds a meeting to a case.
type MeetingRequest struct {
	// RFC 3339 with an offset; in the past or the future.
	StartsAt        string            `json:"starts_at" maxLength:"40" example:"2027-01-31T10:00:00+01:00"`
	DurationMinutes *int32            `json:"duration_minutes,omitempty" format:"int32" minimum:"5" maximum:"600"`
	Form            string            `json:"form" enums:"office,home,walk_and_talk,video,phone,other"`
	Place           string            `json:"place,omitempty" maxLength:"200"`
	Participants    []ParticipantDTO  `json:"participants,omitempty" validate:"max=30"`
	AgendaSent      bool              `json:"agenda_sent,omitempty"`
	Agenda          []AgendaItemInput `json:"agenda,omitempty" validate:"max=50"`
	Summary         string            `json:"summary,omitempty" maxLength:"4000"`
	Agreements      []AgreementInput  `json:"agreements,omitempty" validate:"max=50"`
	// Default planned. Held needs a meeting that has started.
	Status string `json:"status,omitempty" enums:"planned,held,cancelled"`
} // @name MeetingRequest

// MeetingChange changes a meeting; absent fields are left alone, lists are
// replaced whole.
type MeetingChange struct {
	StartsAt *string `json:"starts_at,omitempty" maxLength:"40" example:"2027-01-31T10:00:00+01:00"`
	// 0 removes the duration.
	DurationMinutes *int32            `json:"duration_minutes,omitempty" format:"int32" minimum:"0" maximum:"600"`
	Form            *string           `json:"form,omitempty" enums:"office,home,walk_and_talk,video,phone,other"`
	Place           *string           `json:"place,omitempty" maxLength:"200"`
	Participants    *[]ParticipantDTO `json:"participants,omitempty" validate:"max=30"`
	AgendaSent      *bool             `json:"agenda_sent,omitempty"`
	// Send back the ids of the items to keep.
	Agenda     *[]AgendaItemInput `json:"agenda,omitempty" validate:"max=50"`
	Summary    *string            `json:"summary,omitempty" maxLength:"4000"`
	Agreements *[]AgreementInput  `json:"agreements,omitempty" validate:"max=50"`
	// Marks the meeting held or cancelled (or planned again).
	Status *string `json:"status,omitempty" enums:"planned,held,cancelled"`
} // @name MeetingChange

// FormCountDTO is how many meetings of one form were held.
type FormCountDTO struct {
	Form string `json:"form" enums:"office,home,walk_and_talk,video,phone,other"`
	Held int32  `json:"held" format:"int32" minimum:"0" maximum:"1000"`
} // @name MeetingFormCount

// ContactStatusDTO is a case's actual contact against its contact agreement.
type ContactStatusDTO struct {
	// on_track: the next meeting is not yet due; overdue: the agreed interval
	// has passed without a held meeting; no_agreement: no frequency (or "as
	// needed") is agreed, so nothing can be late.
	Status string `json:"status" enums:"on_track,overdue,no_agreement"`
	// The agreement's frequency; absent when none is agreed.
	PreferredFrequency string `json:"preferred_frequency,omitempty" enums:"weekly,every_2_weeks,monthly,quarterly,every_4_months,half_yearly,yearly,as_needed"`
	// Longest agreed gap between meetings in days; absent when the frequency sets none.
	IntervalDays *int32 `json:"interval_days,omitempty" format:"int32" minimum:"7" maximum:"366"`
	// Date of the last held meeting.
	LastHeldOn string `json:"last_held_on,omitempty" format:"date" maxLength:"10"`
	// What days_since counts from: the last held meeting, else the day the
	// agreement was made, else the day the case was opened.
	CountedFrom     string `json:"counted_from" enums:"last_meeting,agreement,case_opened"`
	CountedFromDate string `json:"counted_from_date" format:"date" maxLength:"10"`
	DaysSince       int32  `json:"days_since" format:"int32" minimum:"0" maximum:"1000000"`
	// The date by which the next meeting is due; overdue from the day after.
	NextExpectedOn string `json:"next_expected_on,omitempty" format:"date" maxLength:"10"`
	// First day counted in held_by_form and forms_outside_agreement (today − 90 days).
	WindowFrom string `json:"window_from" format:"date" maxLength:"10"`
	// Held meetings in the window, per form (every form, in a fixed order).
	HeldByForm []FormCountDTO `json:"held_by_form" validate:"max=6"`
	// Forms of meetings held in the window (and since the agreement was made)
	// that the agreement does not cover.
	FormsOutsideAgreement []string `json:"forms_outside_agreement" validate:"max=5" enums:"office,home,walk_and_talk,video,phone"`
} // @name ContactStatus
