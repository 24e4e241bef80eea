package cases

import (
	"time"

	"github.com/google/uuid"
)

// CitizenDTO is the citizen as shown: the CPR number is masked.
type CitizenDTO struct {
	Name string `json:"name" maxLength:"200" example:"Karen Østergaard"`
	// Masked as DDMMYY-xxxx; use GET /cases/{id}/cpr to reveal (audited).
	CPR string `json:"cpr" maxLength:"11" example:"010190-xxxx"`
} // @name Citizen

// CitizenInput identifies the citizen on create or update.
type CitizenInput struct {
	Name *string `json:"name,omitempty" maxLength:"200" example:"Karen Østergaard"`
	// DDMMYY-SSSS or ten digits; replacement numbers (day + 60) are accepted.
	CPR *string `json:"cpr,omitempty" maxLength:"11" example:"610190-1234"`
} // @name CitizenInput

// NewCitizenInput identifies the citizen of a new case.
type NewCitizenInput struct {
	Name string `json:"name" maxLength:"200" example:"Karen Østergaard"`
	// DDMMYY-SSSS or ten digits; replacement numbers (day + 60) are accepted.
	CPR string `json:"cpr" maxLength:"11" example:"610190-1234"`
} // @name NewCitizenInput

// ContactAgreementInput sets the contact agreement; absent lists are empty.
type ContactAgreementInput struct {
	MeetingFormats     []string `json:"meeting_formats,omitempty" validate:"max=8" enums:"seated_conversation,walk_and_talk,home_visit,network_meeting,cross_disciplinary_meeting,open_dialogue_meeting,group_session,other"`
	MeetingPlaces      []string `json:"meeting_places,omitempty" validate:"max=10" enums:"citizen_home,outdoors,cafe_public_place,park,municipal_office,provider_premises,drop_in_centre,third_party_institution,virtual,other"`
	TimesOfDay         []string `json:"times_of_day,omitempty" validate:"max=5" enums:"morning,midday,afternoon,evening,no_preference"`
	TimeNotes          string   `json:"time_notes,omitempty" maxLength:"1000"`
	Media              []string `json:"media,omitempty" validate:"max=8" enums:"in_person,phone_call,sms,video_call,email,letter_digital_post,chat,app"`
	PreferredFrequency string   `json:"preferred_frequency,omitempty" enums:"weekly,every_2_weeks,monthly,quarterly,every_4_months,half_yearly,yearly,as_needed"`
	Closeness          string   `json:"closeness,omitempty" enums:"close,standard,minimal"`
	AvoidConditions    string   `json:"avoid_conditions,omitempty" maxLength:"4000"`
	AgendaInAdvance    bool     `json:"agenda_in_advance,omitempty"`
	Notes              string   `json:"notes,omitempty" maxLength:"4000"`
	AgreedOn           string   `json:"agreed_on,omitempty" format:"date" maxLength:"10" example:"2026-11-02"`
	ReviewBy           string   `json:"review_by,omitempty" format:"date" maxLength:"10" example:"2027-05-02"`
} // @name ContactAgreementInput

// DreamDTO is one of the citizen's hopes, wishes or dreams in their own words.
type DreamDTO struct {
	ID          uuid.UUID `json:"id" format:"uuid"`
	Kind        string    `json:"kind" enums:"hope,wish,dream,unspecified"`
	Text        string    `json:"text" maxLength:"4000" example:"At få et arbejde med dyr"`
	ExpressedBy string    `json:"expressed_by" enums:"citizen,network_on_behalf,guardian_on_behalf"`
	RecordedAt  time.Time `json:"recorded_at" format:"date-time"`
} // @name Dream

// DreamInput adds or keeps a dream; give the id to keep an existing one.
type DreamInput struct {
	ID          *uuid.UUID `json:"id,omitempty" format:"uuid"`
	Kind        string     `json:"kind,omitempty" enums:"hope,wish,dream,unspecified"`
	Text        string     `json:"text" maxLength:"4000" example:"At få et arbejde med dyr"`
	ExpressedBy string     `json:"expressed_by,omitempty" enums:"citizen,network_on_behalf,guardian_on_behalf"`
} // @name DreamInput

// ResourceDTO is something the citizen can build on.
type ResourceDTO struct {
	ID                 uuid.UUID `json:"id" format:"uuid"`
	Type               string    `json:"type" enums:"skill,motivation,good_experience,interest,person_family,person_network,civil_society,other"`
	Description        string    `json:"description" maxLength:"4000"`
	Source             string    `json:"source" enums:"citizen,caseworker,relative,provider"`
	ConfirmedByCitizen bool      `json:"confirmed_by_citizen"`
	RecordedAt         time.Time `json:"recorded_at" format:"date-time"`
} // @name Resource

// ResourceInput adds or keeps a resource.
type ResourceInput struct {
	ID                 *uuid.UUID `json:"id,omitempty" format:"uuid"`
	Type               string     `json:"type" enums:"skill,motivation,good_experience,interest,person_family,person_network,civil_society,other"`
	Description        string     `json:"description" maxLength:"4000"`
	Source             string     `json:"source,omitempty" enums:"citizen,caseworker,relative,provider"`
	ConfirmedByCitizen bool       `json:"confirmed_by_citizen,omitempty"`
} // @name ResourceInput

// NetworkPersonDTO is a person or professional in the citizen's network.
type NetworkPersonDTO struct {
	ID            uuid.UUID `json:"id" format:"uuid"`
	Name          string    `json:"name" maxLength:"200" example:"Jens (bror)"`
	Relation      string    `json:"relation" maxLength:"200" example:"bror"`
	Kind          string    `json:"kind" enums:"family,friend,neighbour,colleague,professional,civil_society,other"`
	ContactStatus string    `json:"contact_status,omitempty" enums:"active,dormant,conflictual"`
	// Whether the citizen has agreed that this person may be involved.
	ConsentToInvolve bool   `json:"consent_to_involve"`
	Note             string `json:"note,omitempty" maxLength:"4000"`
} // @name NetworkPerson

// NetworkPersonInput adds or keeps a network person.
type NetworkPersonInput struct {
	ID               *uuid.UUID `json:"id,omitempty" format:"uuid"`
	Name             string     `json:"name" maxLength:"200"`
	Relation         string     `json:"relation" maxLength:"200"`
	Kind             string     `json:"kind" enums:"family,friend,neighbour,colleague,professional,civil_society,other"`
	ContactStatus    string     `json:"contact_status,omitempty" enums:"active,dormant,conflictual"`
	ConsentToInvolve bool       `json:"consent_to_involve,omitempty"`
	Note             string     `json:"note,omitempty" maxLength:"4000"`
} // @name NetworkPersonInput

// ContactAgreementDTO is how citizen and caseworker agree to be in touch.
type ContactAgreementDTO struct {
	MeetingFormats []string `json:"meeting_formats" validate:"max=8" enums:"seated_conversation,walk_and_talk,home_visit,network_meeting,cross_disciplinary_meeting,open_dialogue_meeting,group_session,other"`
	MeetingPlaces  []string `json:"meeting_places" validate:"max=10" enums:"citizen_home,outdoors,cafe_public_place,park,municipal_office,provider_premises,drop_in_centre,third_party_institution,virtual,other"`
	TimesOfDay     []string `json:"times_of_day" validate:"max=5" enums:"morning,midday,afternoon,evening,no_preference"`
	// Free-text time windows, e.g. "not before 10, not on Tuesdays (work)".
	TimeNotes          string   `json:"time_notes,omitempty" maxLength:"1000"`
	Media              []string `json:"media" validate:"max=8" enums:"in_person,phone_call,sms,video_call,email,letter_digital_post,chat,app"`
	PreferredFrequency string   `json:"preferred_frequency,omitempty" enums:"weekly,every_2_weeks,monthly,quarterly,every_4_months,half_yearly,yearly,as_needed"`
	Closeness          string   `json:"closeness,omitempty" enums:"close,standard,minimal"`
	// What to avoid, e.g. waiting rooms or crowds.
	AvoidConditions string `json:"avoid_conditions,omitempty" maxLength:"4000"`
	AgendaInAdvance bool   `json:"agenda_in_advance"`
	Notes           string `json:"notes,omitempty" maxLength:"4000"`
	AgreedOn        string `json:"agreed_on,omitempty" format:"date" maxLength:"10" example:"2026-11-02"`
	ReviewBy        string `json:"review_by,omitempty" format:"date" maxLength:"10" example:"2027-05-02"`
} // @name ContactAgreement

// ExpectationDTO is one round of expectation alignment.
type ExpectationDTO struct {
	ID            uuid.UUID `json:"id" format:"uuid"`
	HeldOn        string    `json:"held_on" format:"date" maxLength:"10" example:"2026-11-02"`
	Topics        []string  `json:"topics" validate:"max=11" enums:"meeting_forms,caseworker_role,process_and_timeline,waiting_time,information_frequency,support_scope_and_limits,resource_focus_meaning,follow_up_purpose,role_of_relatives,provider_role,other"`
	WithRelatives bool      `json:"with_relatives"`
	// What was agreed, in plain language the citizen can read.
	Summary    string `json:"summary" maxLength:"4000"`
	NextReview string `json:"next_review,omitempty" format:"date" maxLength:"10"`
} // @name Expectation

// ExpectationInput adds or keeps an expectation alignment.
type ExpectationInput struct {
	ID            *uuid.UUID `json:"id,omitempty" format:"uuid"`
	HeldOn        string     `json:"held_on" format:"date" maxLength:"10" example:"2026-11-02"`
	Topics        []string   `json:"topics" validate:"max=11" enums:"meeting_forms,caseworker_role,process_and_timeline,waiting_time,information_frequency,support_scope_and_limits,resource_focus_meaning,follow_up_purpose,role_of_relatives,provider_role,other"`
	WithRelatives bool       `json:"with_relatives,omitempty"`
	Summary       string     `json:"summary" maxLength:"4000"`
	NextReview    string     `json:"next_review,omitempty" format:"date" maxLength:"10"`
} // @name ExpectationInput

// StaffRef names a staff user.
type StaffRef struct {
	ID   uuid.UUID `json:"id" format:"uuid"`
	Name string    `json:"name" maxLength:"200" example:"Ane Holm"`
} // @name StaffRef

// PhaseChangeDTO is one entry of the phase history.
type PhaseChangeDTO struct {
	ID uuid.UUID `json:"id" format:"uuid"`
	// Empty for the case's opening.
	From       string    `json:"from" enums:",sagsaabning,sagsoplysning,sagsvurdering,afgoerelse,bestilling,opfoelgning"`
	To         string    `json:"to" enums:"sagsaabning,sagsoplysning,sagsvurdering,afgoerelse,bestilling,opfoelgning"`
	Iteration  int32     `json:"iteration" format:"int32" minimum:"1" maximum:"1000"`
	OccurredAt time.Time `json:"occurred_at" format:"date-time"`
	By         StaffRef  `json:"by"`
	Note       string    `json:"note,omitempty" maxLength:"4000"`
} // @name PhaseChange

// CaseDTO is a whole case.
type CaseDTO struct {
	ID             uuid.UUID  `json:"id" format:"uuid"`
	TeamID         uuid.UUID  `json:"team_id" format:"uuid"`
	Caseworker     StaffRef   `json:"caseworker"`
	Citizen        CitizenDTO `json:"citizen"`
	LegalBasis     string     `json:"legal_basis" enums:"sel_82,sel_85,sel_107,other"`
	LegalBasisNote string     `json:"legal_basis_note,omitempty" maxLength:"1000"`
	TargetGroup    string     `json:"target_group" enums:"physical_impairment,intellectual_impairment,cognitive_impairment,autism,mental_health,social_problems,other"`
	Phase          string     `json:"phase" enums:"sagsaabning,sagsoplysning,sagsvurdering,afgoerelse,bestilling,opfoelgning"`
	PhaseIteration int32      `json:"phase_iteration" format:"int32" minimum:"1" maximum:"1000"`
	// Phases the case may move to next.
	AllowedNextPhases []string `json:"allowed_next_phases" validate:"max=6" enums:"sagsaabning,sagsoplysning,sagsvurdering,afgoerelse,bestilling,opfoelgning"`
	Status            string   `json:"status" enums:"open,closed"`
	// Reason and note of the latest closure; kept when the case is reopened.
	ClosureReason string `json:"closure_reason,omitempty" enums:"goals_achieved,no_longer_needed,refused,citizen_withdrew,moved,transferred,deceased,other"`
	ClosureNote   string `json:"closure_note,omitempty" maxLength:"4000"`
	// When the case was last reopened, and why.
	ReopenedAt       *time.Time          `json:"reopened_at,omitempty" format:"date-time"`
	ReopenNote       string              `json:"reopen_note,omitempty" maxLength:"4000"`
	Dreams           []DreamDTO          `json:"dreams" validate:"max=50"`
	Resources        []ResourceDTO       `json:"resources" validate:"max=100"`
	Network          []NetworkPersonDTO  `json:"network" validate:"max=100"`
	ContactAgreement ContactAgreementDTO `json:"contact_agreement"`
	Expectations     []ExpectationDTO    `json:"expectations" validate:"max=100"`
	FollowUpCadence  string              `json:"follow_up_cadence,omitempty" enums:"weekly,every_2_weeks,monthly,quarterly,every_4_months,half_yearly,yearly,as_needed"`
	NextFollowUpDate string              `json:"next_follow_up_date,omitempty" format:"date" maxLength:"10" example:"2027-02-01"`
	FollowUpOverdue  bool                `json:"follow_up_overdue"`
	OpenedAt         time.Time           `json:"opened_at" format:"date-time"`
	ClosedAt         *time.Time          `json:"closed_at,omitempty" format:"date-time"`
	CreatedAt        time.Time           `json:"created_at" format:"date-time"`
	UpdatedAt        time.Time           `json:"updated_at" format:"date-time"`
	// Same value as the ETag header, for clients that keep cases in lists.
	Version      int32            `json:"version" format:"int32" minimum:"1" maximum:"2147483647"`
	PhaseHistory []PhaseChangeDTO `json:"phase_history" validate:"max=1000"`
} // @name Case

// CaseSummaryDTO is a case as shown in lists.
type CaseSummaryDTO struct {
	ID               uuid.UUID  `json:"id" format:"uuid"`
	TeamID           uuid.UUID  `json:"team_id" format:"uuid"`
	Caseworker       StaffRef   `json:"caseworker"`
	Citizen          CitizenDTO `json:"citizen"`
	LegalBasis       string     `json:"legal_basis" enums:"sel_82,sel_85,sel_107,other"`
	TargetGroup      string     `json:"target_group" enums:"physical_impairment,intellectual_impairment,cognitive_impairment,autism,mental_health,social_problems,other"`
	Phase            string     `json:"phase" enums:"sagsaabning,sagsoplysning,sagsvurdering,afgoerelse,bestilling,opfoelgning"`
	PhaseIteration   int32      `json:"phase_iteration" format:"int32" minimum:"1" maximum:"1000"`
	Status           string     `json:"status" enums:"open,closed"`
	FollowUpCadence  string     `json:"follow_up_cadence,omitempty" enums:"weekly,every_2_weeks,monthly,quarterly,every_4_months,half_yearly,yearly,as_needed"`
	NextFollowUpDate string     `json:"next_follow_up_date,omitempty" format:"date" maxLength:"10"`
	FollowUpOverdue  bool       `json:"follow_up_overdue"`
	OpenedAt         time.Time  `json:"opened_at" format:"date-time"`
	ClosedAt         *time.Time `json:"closed_at,omitempty" format:"date-time"`
	UpdatedAt        time.Time  `json:"updated_at" format:"date-time"`
	Version          int32      `json:"version" format:"int32" minimum:"1" maximum:"2147483647"`
} // @name CaseSummary

// CasePageDTO is one page of cases.
type CasePageDTO struct {
	Items []CaseSummaryDTO `json:"items" validate:"max=200"`
	// Pass as cursor to get the next page; absent on the last page.
	NextCursor string `json:"next_cursor,omitempty" maxLength:"1000"`
} // @name CasePage

// CreateCaseRequest opens a case.
type CreateCaseRequest struct {
	TeamID uuid.UUID `json:"team_id" format:"uuid"`
	// Defaults to the user creating the case.
	CaseworkerID     *uuid.UUID             `json:"caseworker_id,omitempty" format:"uuid"`
	Citizen          NewCitizenInput        `json:"citizen"`
	LegalBasis       string                 `json:"legal_basis" enums:"sel_82,sel_85,sel_107,other"`
	LegalBasisNote   string                 `json:"legal_basis_note,omitempty" maxLength:"1000"`
	TargetGroup      string                 `json:"target_group" enums:"physical_impairment,intellectual_impairment,cognitive_impairment,autism,mental_health,social_problems,other"`
	Dreams           []DreamInput           `json:"dreams,omitempty" validate:"max=50"`
	Resources        []ResourceInput        `json:"resources,omitempty" validate:"max=100"`
	Network          []NetworkPersonInput   `json:"network,omitempty" validate:"max=100"`
	ContactAgreement *ContactAgreementInput `json:"contact_agreement,omitempty"`
	Expectations     []ExpectationInput     `json:"expectations,omitempty" validate:"max=100"`
	FollowUpCadence  string                 `json:"follow_up_cadence,omitempty" enums:"weekly,every_2_weeks,monthly,quarterly,every_4_months,half_yearly,yearly,as_needed"`
	// Defaults to today plus the cadence.
	NextFollowUpDate string `json:"next_follow_up_date,omitempty" format:"date" maxLength:"10"`
} // @name CreateCaseRequest

// UpdateCaseRequest changes a case; absent fields are left alone, lists are
// replaced whole (send the ids of items to keep).
type UpdateCaseRequest struct {
	CaseworkerID     *uuid.UUID             `json:"caseworker_id,omitempty" format:"uuid"`
	Citizen          *CitizenInput          `json:"citizen,omitempty"`
	LegalBasis       *string                `json:"legal_basis,omitempty" enums:"sel_82,sel_85,sel_107,other"`
	LegalBasisNote   *string                `json:"legal_basis_note,omitempty" maxLength:"1000"`
	TargetGroup      *string                `json:"target_group,omitempty" enums:"physical_impairment,intellectual_impairment,cognitive_impairment,autism,mental_health,social_problems,other"`
	Dreams           *[]DreamInput          `json:"dreams,omitempty" validate:"max=50"`
	Resources        *[]ResourceInput       `json:"resources,omitempty" validate:"max=100"`
	Network          *[]NetworkPersonInput  `json:"network,omitempty" validate:"max=100"`
	ContactAgreement *ContactAgreementInput `json:"contact_agreement,omitempty"`
	Expectations     *[]ExpectationInput    `json:"expectations,omitempty" validate:"max=100"`
	FollowUpCadence  *string                `json:"follow_up_cadence,omitempty" enums:",weekly,every_2_weeks,monthly,quarterly,every_4_months,half_yearly,yearly,as_needed"`
	// An empty string clears the date.
	NextFollowUpDate *string `json:"next_follow_up_date,omitempty" maxLength:"10" example:"2027-02-01"`
} // @name UpdateCaseRequest

// CloseCaseRequest closes a case.
type CloseCaseRequest struct {
	Reason string `json:"reason" enums:"goals_achieved,no_longer_needed,refused,citizen_withdrew,moved,transferred,deceased,other"`
	Note   string `json:"note,omitempty" maxLength:"4000"`
} // @name CloseCaseRequest

// ReopenCaseRequest reopens a case.
type ReopenCaseRequest struct {
	Note string `json:"note,omitempty" maxLength:"4000"`
} // @name ReopenCaseRequest

// PhaseMoveDTO is the case after a phase move, with what the phase gate found
// in the checklist of the phase it left.
type PhaseMoveDTO struct {
	CaseDTO
	PhaseGate PhaseGateDTO `json:"phase_gate"`
} // @name PhaseMove

// PhaseGateDTO is the phase gate's finding on a move that went through.
type PhaseGateDTO struct {
	// The gate mode in force (see GET /settings).
	Mode string `json:"mode" enums:"warn,require"`
	// Core principles of the phase left that its checklist had not answered;
	// empty when the checklist covered them all.
	OpenPrinciples []GatePrincipleDTO `json:"open_principles" validate:"max=50"`
} // @name PhaseGate

// GatePrincipleDTO names a principle.
type GatePrincipleDTO struct {
	Code    string `json:"code" example:"P1_HOPES" maxLength:"50"`
	TitleDa string `json:"title_da" maxLength:"300"`
	TitleEn string `json:"title_en" maxLength:"300"`
} // @name GatePrinciple

// MovePhaseRequest moves a case to another phase.
type MovePhaseRequest struct {
	To   string `json:"to" enums:"sagsaabning,sagsoplysning,sagsvurdering,afgoerelse,bestilling,opfoelgning"`
	Note string `json:"note,omitempty" maxLength:"4000"`
} // @name MovePhaseRequest

// CPRLookupRequest finds cases by exact CPR number.
type CPRLookupRequest struct {
	CPR string `json:"cpr" maxLength:"11" example:"610190-1234"`
	// Page size, 50 when absent.
	Limit int32 `json:"limit,omitempty" format:"int32" minimum:"1" maximum:"200"`
	// next_cursor from the previous page of matches.
	Cursor string `json:"cursor,omitempty" maxLength:"1000"`
} // @name CPRLookupRequest

// CPRDTO is a revealed CPR number.
type CPRDTO struct {
	CPR string `json:"cpr" maxLength:"11" example:"610190-1234"`
} // @name RevealedCPR
