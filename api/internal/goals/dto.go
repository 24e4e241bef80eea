package goals

import (
	"time"

	"github.com/google/uuid"
)

// ParticipantDTO is someone who takes part in reaching a goal.
type ParticipantDTO struct {
	Kind string `json:"kind" enums:"citizen,caseworker,provider,network"`
	// Name of the provider or network person, if any.
	Name string `json:"name,omitempty" maxLength:"200"`
	// What they do towards the goal.
	Task string `json:"task,omitempty" maxLength:"1000"`
} // @name GoalParticipant

// GASLevelsDTO are the five Goal Attainment Scaling outcomes.
type GASLevelsDTO struct {
	Minus2 string `json:"minus2" maxLength:"1000"`
	Minus1 string `json:"minus1" maxLength:"1000"`
	Zero   string `json:"zero" maxLength:"1000"`
	Plus1  string `json:"plus1" maxLength:"1000"`
	Plus2  string `json:"plus2" maxLength:"1000"`
} // @name GASLevels

// CriterionDTO is one SMART criterion.
type CriterionDTO struct {
	Key string `json:"key" enums:"specific,measurable,achievable,relevant,time_bound"`
	Met bool   `json:"met"`
	// Stable code of the hint, for translation; absent when met.
	HintCode string `json:"hint_code,omitempty" enums:"describe_change,missing_indicator,missing_target,missing_steps,missing_resources,missing_why,missing_dream,missing_date,date_passed"`
	// Plain-language hint; absent when met.
	Hint string `json:"hint,omitempty" maxLength:"500"`
} // @name SmartCriterion

// SmartDTO is the server's SMART check of a goal.
type SmartDTO struct {
	Met      bool           `json:"met"`
	Criteria []CriterionDTO `json:"criteria" validate:"max=5"`
} // @name SmartCheck

// RaterSummaryDTO summarises one rater's measurements of a goal.
type RaterSummaryDTO struct {
	Rater    string `json:"rater" enums:"citizen,caseworker,provider"`
	Count    int32  `json:"count" format:"int32" minimum:"1" maximum:"100000"`
	First    int32  `json:"first" format:"int32" minimum:"1" maximum:"10"`
	Latest   int32  `json:"latest" format:"int32" minimum:"1" maximum:"10"`
	FirstOn  string `json:"first_on" format:"date" maxLength:"10"`
	LatestOn string `json:"latest_on" format:"date" maxLength:"10"`
	// Latest minus first.
	Change int32 `json:"change" format:"int32" minimum:"-9" maximum:"9"`
} // @name ProgressSummary

// NextStepDTO says what happens after a goal is reached.
type NextStepDTO struct {
	Kind string `json:"kind" enums:"new_goal,adjusted_support,agreed_end"`
	Note string `json:"note" maxLength:"4000"`
} // @name NextStep

// StatusChangeDTO is one entry in a goal's status history.
type StatusChangeDTO struct {
	// Empty for the goal's creation.
	From       string       `json:"from" enums:",draft,active,achieved,adjusted,discontinued"`
	To         string       `json:"to" enums:"draft,active,achieved,adjusted,discontinued"`
	Reason     string       `json:"reason" maxLength:"4000"`
	NextStep   *NextStepDTO `json:"next_step,omitempty"`
	OccurredAt time.Time    `json:"occurred_at" format:"date-time"`
	ByID       uuid.UUID    `json:"by_id" format:"uuid"`
	ByName     string       `json:"by_name" maxLength:"200"`
} // @name GoalStatusChange

// GoalDTO is a SMART goal.
type GoalDTO struct {
	ID                  uuid.UUID         `json:"id" format:"uuid"`
	CaseID              uuid.UUID         `json:"case_id" format:"uuid"`
	ParentID            *uuid.UUID        `json:"parent_id,omitempty" format:"uuid"`
	DreamID             *uuid.UUID        `json:"dream_id,omitempty" format:"uuid"`
	Title               string            `json:"title" maxLength:"300" example:"Tage bussen alene til min søster"`
	Specific            string            `json:"specific" maxLength:"4000"`
	MeasurableIndicator string            `json:"measurable_indicator" maxLength:"4000"`
	MeasurableTarget    string            `json:"measurable_target" maxLength:"4000"`
	AchievableSteps     string            `json:"achievable_steps" maxLength:"4000"`
	AchievableResources string            `json:"achievable_resources" maxLength:"4000"`
	Relevant            string            `json:"relevant" maxLength:"4000"`
	TargetDate          string            `json:"target_date,omitempty" format:"date" maxLength:"10"`
	Horizon             string            `json:"horizon" enums:"short,long"`
	Participants        []ParticipantDTO  `json:"participants" validate:"max=20"`
	Status              string            `json:"status" enums:"draft,active,achieved,adjusted,discontinued"`
	AllowedNextStatuses []string          `json:"allowed_next_statuses" validate:"max=5" enums:"draft,active,achieved,adjusted,discontinued"`
	NextStep            *NextStepDTO      `json:"next_step,omitempty"`
	GASLevels           *GASLevelsDTO     `json:"gas_levels,omitempty"`
	GASAttained         *int32            `json:"gas_attained,omitempty" format:"int32" minimum:"-2" maximum:"2"`
	Smart               SmartDTO          `json:"smart"`
	Progress            []RaterSummaryDTO `json:"progress" validate:"max=3"`
	// Only on GET /goals/{id}.
	History   []StatusChangeDTO `json:"history,omitempty" validate:"max=1000"`
	CreatedAt time.Time         `json:"created_at" format:"date-time"`
	UpdatedAt time.Time         `json:"updated_at" format:"date-time"`
	Version   int32             `json:"version" format:"int32" minimum:"1" maximum:"2147483647"`
} // @name Goal

// GASDTO is the case's Goal Attainment Scaling T-score.
type GASDTO struct {
	// Kiresuk–Sherman T-score, equal weights, ρ = 0.3; 50 means every goal
	// reached its expected outcome.
	TScore float64 `json:"t_score" minimum:"0" maximum:"100"`
	// Goals with levels and an attained level that count.
	GoalsCounted int32 `json:"goals_counted" format:"int32" minimum:"1" maximum:"1000"`
} // @name GASScore

// GoalListDTO is every goal of a case.
type GoalListDTO struct {
	Items []GoalDTO `json:"items" validate:"max=1000"`
	// Absent when no goal has attainment levels and an attained level.
	GAS *GASDTO `json:"gas,omitempty"`
} // @name GoalList

// GoalInput creates a goal or is checked live by /goals/check.
type GoalInput struct {
	// Main goal of a sub-goal (one level).
	ParentID *uuid.UUID `json:"parent_id,omitempty" format:"uuid"`
	// The hope, wish or dream the goal serves (from the case's dreams).
	DreamID *uuid.UUID `json:"dream_id,omitempty" format:"uuid"`
	// In the citizen's own words.
	Title string `json:"title" maxLength:"300"`
	// What will be different.
	Specific            string           `json:"specific,omitempty" maxLength:"4000"`
	MeasurableIndicator string           `json:"measurable_indicator,omitempty" maxLength:"4000"`
	MeasurableTarget    string           `json:"measurable_target,omitempty" maxLength:"4000"`
	AchievableSteps     string           `json:"achievable_steps,omitempty" maxLength:"4000"`
	AchievableResources string           `json:"achievable_resources,omitempty" maxLength:"4000"`
	Relevant            string           `json:"relevant,omitempty" maxLength:"4000"`
	TargetDate          string           `json:"target_date,omitempty" maxLength:"10" example:"2027-06-30"`
	Horizon             string           `json:"horizon,omitempty" enums:"short,long"`
	Participants        []ParticipantDTO `json:"participants,omitempty" validate:"max=20"`
	GASLevels           *GASLevelsDTO    `json:"gas_levels,omitempty"`
} // @name GoalInput

// UpdateGoalRequest changes a goal; absent fields are left alone.
type UpdateGoalRequest struct {
	ParentID            *uuid.UUID `json:"parent_id,omitempty" format:"uuid"`
	DreamID             *uuid.UUID `json:"dream_id,omitempty" format:"uuid"`
	Title               *string    `json:"title,omitempty" maxLength:"300"`
	Specific            *string    `json:"specific,omitempty" maxLength:"4000"`
	MeasurableIndicator *string    `json:"measurable_indicator,omitempty" maxLength:"4000"`
	MeasurableTarget    *string    `json:"measurable_target,omitempty" maxLength:"4000"`
	AchievableSteps     *string    `json:"achievable_steps,omitempty" maxLength:"4000"`
	AchievableResources *string    `json:"achievable_resources,omitempty" maxLength:"4000"`
	Relevant            *string    `json:"relevant,omitempty" maxLength:"4000"`
	// An empty string clears the date.
	TargetDate   *string           `json:"target_date,omitempty" maxLength:"10"`
	Horizon      *string           `json:"horizon,omitempty" enums:"short,long"`
	Participants *[]ParticipantDTO `json:"participants,omitempty" validate:"max=20"`
	GASLevels    *GASLevelsDTO     `json:"gas_levels,omitempty"`
	// True removes the attainment levels (and the attained level).
	ClearGASLevels bool   `json:"clear_gas_levels,omitempty"`
	GASAttained    *int32 `json:"gas_attained,omitempty" format:"int32" minimum:"-2" maximum:"2"`
} // @name UpdateGoalRequest

// GoalStatusRequest moves a goal to another status.
type GoalStatusRequest struct {
	Status string `json:"status" enums:"draft,active,achieved,adjusted,discontinued"`
	// Why; required for every change.
	Reason string `json:"reason" maxLength:"4000"`
	// Required when the status becomes achieved.
	NextStep *NextStepDTO `json:"next_step,omitempty"`
} // @name GoalStatusRequest

// ProgressDTO is one measurement.
type ProgressDTO struct {
	ID         uuid.UUID  `json:"id" format:"uuid"`
	GoalID     uuid.UUID  `json:"goal_id" format:"uuid"`
	MeasuredOn string     `json:"measured_on" format:"date" maxLength:"10"`
	Rater      string     `json:"rater" enums:"citizen,caseworker,provider"`
	Value      int32      `json:"value" format:"int32" minimum:"1" maximum:"10"`
	Note       string     `json:"note,omitempty" maxLength:"4000"`
	FollowUpID *uuid.UUID `json:"follow_up_id,omitempty" format:"uuid"`
	RecordedAt time.Time  `json:"recorded_at" format:"date-time"`
	RecordedBy string     `json:"recorded_by" maxLength:"200"`
} // @name Progress

// ProgressSeriesDTO is a goal's measurements, oldest first, with a summary
// per rater.
type ProgressSeriesDTO struct {
	Items   []ProgressDTO     `json:"items" validate:"max=100000"`
	Summary []RaterSummaryDTO `json:"summary" validate:"max=3"`
} // @name ProgressSeries

// ProgressRequest records one measurement.
type ProgressRequest struct {
	MeasuredOn string `json:"measured_on" maxLength:"10" example:"2026-11-24"`
	Rater      string `json:"rater" enums:"citizen,caseworker,provider"`
	Value      int32  `json:"value" format:"int32" minimum:"1" maximum:"10"`
	Note       string `json:"note,omitempty" maxLength:"4000"`
} // @name ProgressInput

// ReviewedGoalDTO is the decision for one goal at a follow-up.
type ReviewedGoalDTO struct {
	GoalID          uuid.UUID `json:"goal_id" format:"uuid"`
	CitizenValue    *int32    `json:"citizen_value,omitempty" format:"int32" minimum:"1" maximum:"10"`
	CaseworkerValue *int32    `json:"caseworker_value,omitempty" format:"int32" minimum:"1" maximum:"10"`
	// Attained GAS level, for goals with levels.
	GASLevel *int32 `json:"gas_level,omitempty" format:"int32" minimum:"-2" maximum:"2"`
	Decision string `json:"decision" enums:"keep,adjust,end"`
	// With decision end.
	EndStatus string `json:"end_status,omitempty" enums:"achieved,discontinued"`
	// Required for adjust and end.
	Reason string `json:"reason,omitempty" maxLength:"4000"`
	// Required when the goal ends as achieved.
	NextStepKind string `json:"next_step_kind,omitempty" enums:"new_goal,adjusted_support,agreed_end"`
	NextStepNote string `json:"next_step_note,omitempty" maxLength:"4000"`
} // @name ReviewedGoal

// FollowUpRequest records a follow-up review.
type FollowUpRequest struct {
	HeldOn           string            `json:"held_on" maxLength:"10" example:"2026-11-24"`
	NextFollowUpDate string            `json:"next_follow_up_date" maxLength:"10" example:"2027-02-24"`
	Note             string            `json:"note,omitempty" maxLength:"4000"`
	Items            []ReviewedGoalDTO `json:"items" validate:"max=1000"`
} // @name FollowUpInput

// FollowUpDTO is a recorded follow-up review.
type FollowUpDTO struct {
	ID               uuid.UUID         `json:"id" format:"uuid"`
	CaseID           uuid.UUID         `json:"case_id" format:"uuid"`
	HeldOn           string            `json:"held_on" format:"date" maxLength:"10"`
	NextFollowUpDate string            `json:"next_follow_up_date" format:"date" maxLength:"10"`
	Note             string            `json:"note,omitempty" maxLength:"4000"`
	Items            []ReviewedGoalDTO `json:"items" validate:"max=1000"`
	CreatedAt        time.Time         `json:"created_at" format:"date-time"`
	By               string            `json:"by" maxLength:"200"`
} // @name FollowUp

// FollowUpListDTO lists a case's follow-ups, newest first.
type FollowUpListDTO struct {
	Items []FollowUpDTO `json:"items" validate:"max=500"`
} // @name FollowUpList

// PlanGoalDTO is a goal in the citizen's plan.
type PlanGoalDTO struct {
	ID           uuid.UUID        `json:"id" format:"uuid"`
	Title        string           `json:"title" maxLength:"300"`
	WhatChanges  string           `json:"what_changes" maxLength:"4000"`
	NextSteps    string           `json:"next_steps" maxLength:"4000"`
	TargetDate   string           `json:"target_date,omitempty" format:"date" maxLength:"10"`
	Participants []ParticipantDTO `json:"participants" validate:"max=20"`
	// The dream the goal serves, in the citizen's words.
	Dream string `json:"dream,omitempty" maxLength:"4000"`
	// Latest 1–10 value from the citizen and from the caseworker.
	CitizenLatest    *int32        `json:"citizen_latest,omitempty" format:"int32" minimum:"1" maximum:"10"`
	CaseworkerLatest *int32        `json:"caseworker_latest,omitempty" format:"int32" minimum:"1" maximum:"10"`
	SubGoals         []PlanGoalDTO `json:"sub_goals,omitempty" validate:"max=100"`
	// For reached goals: what happens now.
	WhatNow string `json:"what_now,omitempty" maxLength:"4000"`
} // @name PlanGoal

// PlanContactDTO is how the citizen and the caseworker keep in touch.
type PlanContactDTO struct {
	MeetingFormats     []string `json:"meeting_formats" validate:"max=8" enums:"seated_conversation,walk_and_talk,home_visit,network_meeting,cross_disciplinary_meeting,open_dialogue_meeting,group_session,other"`
	MeetingPlaces      []string `json:"meeting_places" validate:"max=10" enums:"citizen_home,outdoors,cafe_public_place,park,municipal_office,provider_premises,drop_in_centre,third_party_institution,virtual,other"`
	TimesOfDay         []string `json:"times_of_day" validate:"max=5" enums:"morning,midday,afternoon,evening,no_preference"`
	TimeNotes          string   `json:"time_notes,omitempty" maxLength:"1000"`
	Media              []string `json:"media" validate:"max=8" enums:"in_person,phone_call,sms,video_call,email,letter_digital_post,chat,app"`
	PreferredFrequency string   `json:"preferred_frequency,omitempty" enums:"weekly,every_2_weeks,monthly,quarterly,every_4_months,half_yearly,yearly,as_needed"`
} // @name PlanContact

// PlanDTO is the citizen's plan ("Min plan"): plain language, no CPR number.
type PlanDTO struct {
	CitizenName    string         `json:"citizen_name" maxLength:"200"`
	CaseworkerName string         `json:"caseworker_name" maxLength:"200"`
	Dreams         []string       `json:"dreams" maxLength:"4000" validate:"max=50"`
	Goals          []PlanGoalDTO  `json:"goals" validate:"max=1000"`
	Reached        []PlanGoalDTO  `json:"reached" validate:"max=1000"`
	NextMeeting    string         `json:"next_meeting,omitempty" format:"date" maxLength:"10"`
	Contact        PlanContactDTO `json:"contact"`
	Agreements     []string       `json:"agreements" maxLength:"4000" validate:"max=100"`
} // @name Plan
