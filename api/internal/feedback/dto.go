package feedback

import (
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

// ORSItemsDTO are the four ORS items, each 0.0–10.0 with one decimal.
type ORSItemsDTO struct {
	Individually    json.RawMessage `json:"individually" swaggertype:"number" minimum:"0" maximum:"10" example:"6.4"`
	Interpersonally json.RawMessage `json:"interpersonally" swaggertype:"number" minimum:"0" maximum:"10" example:"5.1"`
	Socially        json.RawMessage `json:"socially" swaggertype:"number" minimum:"0" maximum:"10" example:"4.0"`
	Overall         json.RawMessage `json:"overall" swaggertype:"number" minimum:"0" maximum:"10" example:"5.5"`
} // @name ORSItems

// SRSItemsDTO are the four SRS items, each 0.0–10.0 with one decimal.
type SRSItemsDTO struct {
	Relationship     json.RawMessage `json:"relationship" swaggertype:"number" minimum:"0" maximum:"10" example:"9.2"`
	GoalsAndTopics   json.RawMessage `json:"goals_and_topics" swaggertype:"number" minimum:"0" maximum:"10" example:"8.7"`
	ApproachOrMethod json.RawMessage `json:"approach_or_method" swaggertype:"number" minimum:"0" maximum:"10" example:"9.0"`
	Overall          json.RawMessage `json:"overall" swaggertype:"number" minimum:"0" maximum:"10" example:"9.1"`
} // @name SRSItems

func (d ORSItemsDTO) raw() map[string]json.RawMessage {
	return map[string]json.RawMessage{"individually": d.Individually, "interpersonally": d.Interpersonally, "socially": d.Socially, "overall": d.Overall}
}

func (d SRSItemsDTO) raw() map[string]json.RawMessage {
	return map[string]json.RawMessage{"relationship": d.Relationship, "goals_and_topics": d.GoalsAndTopics, "approach_or_method": d.ApproachOrMethod, "overall": d.Overall}
}

// ORSRequest records an ORS the caseworker enters.
type ORSRequest struct {
	// Who rated: the citizen (default), or a relative or provider as a collateral rater.
	Rater string      `json:"rater,omitempty" enums:"citizen,relative,provider"`
	Items ORSItemsDTO `json:"items"`
} // @name ORSRequest

// SRSRequest records an SRS the caseworker enters.
type SRSRequest struct {
	Rater string      `json:"rater,omitempty" enums:"citizen,relative,provider"`
	Items SRSItemsDTO `json:"items"`
} // @name SRSRequest

// ORSCorrection corrects an ORS; the reason is required.
type ORSCorrection struct {
	Rater  string      `json:"rater,omitempty" enums:"citizen,relative,provider"`
	Items  ORSItemsDTO `json:"items"`
	Reason string      `json:"reason" maxLength:"500"`
} // @name ORSCorrection

// SRSCorrection corrects an SRS; the reason is required.
type SRSCorrection struct {
	Rater  string      `json:"rater,omitempty" enums:"citizen,relative,provider"`
	Items  SRSItemsDTO `json:"items"`
	Reason string      `json:"reason" maxLength:"500"`
} // @name SRSCorrection

// ItemScoreDTO is one item's score.
type ItemScoreDTO struct {
	Key   string  `json:"key" enums:"individually,interpersonally,socially,overall,relationship,goals_and_topics,approach_or_method"`
	Value float64 `json:"value" minimum:"0" maximum:"10"`
} // @name ItemScore

// CorrectionDTO is an earlier value of a corrected score.
type CorrectionDTO struct {
	Items       []ItemScoreDTO `json:"items" validate:"max=4"`
	Total       float64        `json:"total" minimum:"0" maximum:"40"`
	Reason      string         `json:"reason" maxLength:"500"`
	CorrectedAt string         `json:"corrected_at" format:"date-time" maxLength:"40"`
	ByName      string         `json:"by_name" maxLength:"200"`
} // @name ScoreCorrection

// ScoreDTO is one rating.
type ScoreDTO struct {
	ID        uuid.UUID `json:"id" format:"uuid"`
	MeetingID uuid.UUID `json:"meeting_id" format:"uuid"`
	Scale     string    `json:"scale" enums:"ors,srs"`
	Rater     string    `json:"rater" enums:"citizen,relative,provider"`
	// A relative or provider rated on the citizen's behalf.
	Collateral bool           `json:"collateral"`
	EnteredBy  string         `json:"entered_by" enums:"citizen_device,caseworker"`
	Items      []ItemScoreDTO `json:"items" validate:"max=4"`
	// Sum of the items, computed by the server.
	Total          float64 `json:"total" minimum:"0" maximum:"40"`
	RecordedAt     string  `json:"recorded_at" format:"date-time" maxLength:"40"`
	RecordedByName string  `json:"recorded_by_name,omitempty" maxLength:"200"`
	MeetingStarts  string  `json:"meeting_starts_at" format:"date-time" maxLength:"40"`
	Version        int32   `json:"version" format:"int32" minimum:"1" maximum:"2147483647"`
	// Earlier values, oldest first.
	Corrections []CorrectionDTO `json:"corrections" validate:"max=100"`
	// SRS only: the alliance reading.
	AllianceSignal bool     `json:"alliance_signal"`
	LowItems       []string `json:"low_items" validate:"max=4" enums:"relationship,goals_and_topics,approach_or_method,overall"`
} // @name Score

// ScoreListDTO lists a meeting's ratings of one scale.
type ScoreListDTO struct {
	Items []ScoreDTO `json:"items" validate:"max=3"`
} // @name ScoreList

// AnswersRequest answers the three feedback questions.
type AnswersRequest struct {
	// Was today's meeting all right?
	MeetingOK string `json:"meeting_ok" enums:"yes,partly,no"`
	// Did we talk enough about your dreams and what matters to you?
	TalkedAbout string `json:"talked_about" enums:"yes,partly,no"`
	// Should anything be different next time? In the citizen's own words.
	DifferentNextTime string `json:"different_next_time,omitempty" maxLength:"1000"`
} // @name FeedbackAnswersRequest

// AnswersDTO are stored answers.
type AnswersDTO struct {
	MeetingOK         string `json:"meeting_ok" enums:"yes,partly,no"`
	TalkedAbout       string `json:"talked_about" enums:"yes,partly,no"`
	DifferentNextTime string `json:"different_next_time" maxLength:"1000"`
	EnteredBy         string `json:"entered_by" enums:"citizen_device,caseworker"`
	RecordedAt        string `json:"recorded_at" format:"date-time" maxLength:"40"`
} // @name FeedbackAnswers

// SignalDTO asks the caseworker to close the loop.
type SignalDTO struct {
	ID              uuid.UUID `json:"id" format:"uuid"`
	CaseID          uuid.UUID `json:"case_id" format:"uuid"`
	MeetingID       uuid.UUID `json:"meeting_id" format:"uuid"`
	MeetingStartsAt string    `json:"meeting_starts_at" format:"date-time" maxLength:"40"`
	Kind            string    `json:"kind" enums:"alliance,deterioration,change_requested"`
	// What raised it, e.g. the SRS total and its low items (never the citizen's free text).
	Detail   string `json:"detail" maxLength:"500"`
	RaisedAt string `json:"raised_at" format:"date-time" maxLength:"40"`
	// What will change ("we did"); empty while open.
	Response        string `json:"response" maxLength:"1000"`
	RespondedAt     string `json:"responded_at,omitempty" format:"date-time" maxLength:"40"`
	RespondedByName string `json:"responded_by_name,omitempty" maxLength:"200"`
	CitizenName     string `json:"citizen_name" maxLength:"200"`
	CaseworkerName  string `json:"caseworker_name" maxLength:"200"`
} // @name FeedbackSignal

// SignalListDTO lists signals.
type SignalListDTO struct {
	Items []SignalDTO `json:"items" validate:"max=500"`
} // @name FeedbackSignalList

// RespondRequest closes the loop on a signal.
type RespondRequest struct {
	// What will change, in a few words; shown at the start of the next meeting.
	Note string `json:"note" maxLength:"1000"`
} // @name SignalResponseRequest

// MeetingFeedbackDTO is a meeting's feedback.
type MeetingFeedbackDTO struct {
	MeetingID uuid.UUID   `json:"meeting_id" format:"uuid"`
	ORS       []ScoreDTO  `json:"ors" validate:"max=3"`
	SRS       []ScoreDTO  `json:"srs" validate:"max=3"`
	Answers   *AnswersDTO `json:"answers,omitempty"`
	Signals   []SignalDTO `json:"signals" validate:"max=3"`
	// The previous meeting's signals and what was done ("you said — we did").
	FromLastMeeting []SignalDTO `json:"from_last_meeting" validate:"max=3"`
} // @name MeetingFeedback

// LinkRequest creates a feedback link.
type LinkRequest struct {
	Parts []string `json:"parts" validate:"max=4" enums:"ors,srs,questions,topics"`
	// Hours until the link expires (default 24).
	ExpiresInHours int32 `json:"expires_in_hours,omitempty" format:"int32" minimum:"1" maximum:"168"`
} // @name FeedbackLinkRequest

// LinkDTO is a created link. The token is shown this once.
type LinkDTO struct {
	ID        uuid.UUID `json:"id" format:"uuid"`
	Token     string    `json:"token" maxLength:"100"`
	URL       string    `json:"url" maxLength:"500"`
	Parts     []string  `json:"parts" validate:"max=4" enums:"ors,srs,questions,topics"`
	ExpiresAt string    `json:"expires_at" format:"date-time" maxLength:"40"`
} // @name FeedbackLink

// ThresholdsDTO are the cut-offs in force.
type ThresholdsDTO struct {
	// ORS total strictly below this is in the clinical range.
	ClinicalCutoff float64 `json:"clinical_cutoff" minimum:"0" maximum:"40"`
	// A change of at least this is reliable.
	ReliableChange float64 `json:"reliable_change" minimum:"0" maximum:"40"`
	// SRS total strictly below this is an alliance signal.
	AllianceTotal float64 `json:"alliance_total" minimum:"0" maximum:"40"`
	// Any SRS item strictly below this is an alliance signal.
	AllianceItem float64 `json:"alliance_item" minimum:"0" maximum:"10"`
} // @name FitThresholds

// OutcomeDTO reads the citizen's ORS series.
type OutcomeDTO struct {
	Count  int32    `json:"count" format:"int32" minimum:"0" maximum:"100000"`
	First  *float64 `json:"first,omitempty" minimum:"0" maximum:"40"`
	Latest *float64 `json:"latest,omitempty" minimum:"0" maximum:"40"`
	// Latest minus first.
	Change                float64 `json:"change" minimum:"-40" maximum:"40"`
	Classification        string  `json:"classification" enums:"improved,deteriorated,no_reliable_change,too_few_scores"`
	FirstClinical         bool    `json:"first_in_clinical_range"`
	LatestClinical        bool    `json:"latest_in_clinical_range"`
	ClinicallySignificant bool    `json:"clinically_significant_change"`
} // @name FitOutcome

// ReadingDTO is the server's reading of a case's scores.
type ReadingDTO struct {
	CaseID     uuid.UUID     `json:"case_id" format:"uuid"`
	Thresholds ThresholdsDTO `json:"thresholds"`
	ORS        []ScoreDTO    `json:"ors" validate:"max=5000"`
	Outcome    OutcomeDTO    `json:"outcome"`
	Collateral []ScoreDTO    `json:"collateral_ors" validate:"max=5000"`
	SRS        []ScoreDTO    `json:"srs" validate:"max=5000"`
} // @name FitReading

// WordingDTO is the wording of the scales and questions in one language.
type WordingDTO struct {
	Lang string `json:"lang" enums:"da,en"`
	// Whether the municipality's licensed wording is in force (else BIC's own short names).
	Licensed  bool     `json:"licensed"`
	ORS       []string `json:"ors" validate:"max=4" maxLength:"200"`
	SRS       []string `json:"srs" validate:"max=4" maxLength:"200"`
	ORSAnchor []string `json:"ors_anchor" validate:"max=2" maxLength:"60"`
	SRSAnchor []string `json:"srs_anchor" validate:"max=2" maxLength:"60"`
	ORSIntro  string   `json:"ors_intro" maxLength:"500"`
	SRSIntro  string   `json:"srs_intro" maxLength:"500"`
	// The three feedback questions and the topics prompt.
	Questions QuestionsDTO `json:"questions"`
} // @name FitWording

// QuestionsDTO are the question texts.
type QuestionsDTO struct {
	MeetingOK   string `json:"meeting_ok" maxLength:"300"`
	TalkedAbout string `json:"talked_about" maxLength:"300"`
	Different   string `json:"different_next_time" maxLength:"300"`
	Topics      string `json:"topics" maxLength:"300"`
} // @name FeedbackQuestions

// WordingRequest loads a municipality's licensed wording for one language.
type WordingRequest struct {
	Lang      string   `json:"lang" enums:"da,en"`
	ORS       []string `json:"ors" validate:"max=4" maxLength:"200"`
	SRS       []string `json:"srs" validate:"max=4" maxLength:"200"`
	ORSAnchor []string `json:"ors_anchor" validate:"max=2" maxLength:"60"`
	SRSAnchor []string `json:"srs_anchor" validate:"max=2" maxLength:"60"`
	ORSIntro  string   `json:"ors_intro" maxLength:"500"`
	SRSIntro  string   `json:"srs_intro" maxLength:"500"`
} // @name FitWordingRequest

// PublicPartDTO is one part of a link and whether it is answered.
type PublicPartDTO struct {
	Part string `json:"part" enums:"ors,srs,questions,topics"`
	Done bool   `json:"done"`
} // @name FeedbackLinkPart

// PublicViewDTO is everything a feedback link shows: first name, meeting date, parts, wording.
type PublicViewDTO struct {
	FirstName   string          `json:"first_name" maxLength:"100"`
	MeetingDate string          `json:"meeting_date" format:"date" maxLength:"10"`
	Parts       []PublicPartDTO `json:"parts" validate:"max=4"`
	ExpiresAt   string          `json:"expires_at" format:"date-time" maxLength:"40"`
	Wording     WordingDTO      `json:"wording"`
} // @name FeedbackLinkView

// PublicOpenRequest opens a feedback link. The token travels in the body,
// not the URL, so that it stays out of logs and proxies.
type PublicOpenRequest struct {
	Token string `json:"token" maxLength:"100"`
	Lang  string `json:"lang,omitempty" enums:"da,en"`
} // @name PublicOpenRequest

// PublicORS is the citizen's ORS.
type PublicORS struct {
	// The token from the link.
	Token string `json:"token" maxLength:"100"`
	// A UUID the device makes once per form: a retried submission is stored once.
	SubmissionID uuid.UUID   `json:"submission_id" format:"uuid"`
	Items        ORSItemsDTO `json:"items"`
} // @name PublicORS

// PublicSRS is the citizen's SRS.
type PublicSRS struct {
	// The token from the link.
	Token        string      `json:"token" maxLength:"100"`
	SubmissionID uuid.UUID   `json:"submission_id" format:"uuid"`
	Items        SRSItemsDTO `json:"items"`
} // @name PublicSRS

// PublicAnswers are the citizen's answers to the three questions.
type PublicAnswers struct {
	// The token from the link.
	Token             string    `json:"token" maxLength:"100"`
	SubmissionID      uuid.UUID `json:"submission_id" format:"uuid"`
	MeetingOK         string    `json:"meeting_ok" enums:"yes,partly,no"`
	TalkedAbout       string    `json:"talked_about" enums:"yes,partly,no"`
	DifferentNextTime string    `json:"different_next_time,omitempty" maxLength:"1000"`
} // @name PublicAnswers

// PublicTopics are topics the citizen wants on the agenda.
type PublicTopics struct {
	// The token from the link.
	Token        string    `json:"token" maxLength:"100"`
	SubmissionID uuid.UUID `json:"submission_id" format:"uuid"`
	Topics       []string  `json:"topics" validate:"max=5" maxLength:"300"`
} // @name PublicTopics

// ReceiptDTO acknowledges a submission.
type ReceiptDTO struct {
	Part string `json:"part" enums:"ors,srs,questions,topics"`
	// False when this was a retry of a submission already stored.
	Stored bool `json:"stored"`
} // @name FeedbackReceipt

// TeamFiguresDTO are one team's figures.
type TeamFiguresDTO struct {
	TeamID uuid.UUID `json:"team_id" format:"uuid"`
	// Cases with at least two of the citizen's own ORS in the period.
	Cases int32 `json:"cases" format:"int32" minimum:"0" maximum:"2147483647"`
	// Fewer than min_cases cases: counts and shares are withheld so no citizen can be singled out.
	TooFew bool `json:"too_few"`
	// Shares of cases (0–1); absent when too_few.
	Improved     *float64 `json:"improved,omitempty" minimum:"0" maximum:"1"`
	Deteriorated *float64 `json:"deteriorated,omitempty" minimum:"0" maximum:"1"`
	NoChange     *float64 `json:"no_reliable_change,omitempty" minimum:"0" maximum:"1"`
	// Mean SRS total; absent when fewer than min_cases cases have an SRS.
	MeanSRS              *float64 `json:"mean_srs,omitempty" minimum:"0" maximum:"40"`
	MeetingsHeld         int32    `json:"meetings_held" format:"int32" minimum:"0" maximum:"2147483647"`
	MeetingsWithFeedback int32    `json:"meetings_with_feedback" format:"int32" minimum:"0" maximum:"2147483647"`
} // @name TeamFitFigures

// InsightDTO are the feedback figures of the leader's teams.
type InsightDTO struct {
	From     string           `json:"from" format:"date" maxLength:"10"`
	To       string           `json:"to" format:"date" maxLength:"10"`
	MinCases int32            `json:"min_cases" format:"int32" minimum:"1" maximum:"1000"`
	Teams    []TeamFiguresDTO `json:"teams" validate:"max=100"`
} // @name FitInsight

// --- converters ---

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func itemsDTO(scale Scale, it Items) []ItemScoreDTO {
	out := make([]ItemScoreDTO, 4)
	for i, k := range ItemKeys[scale] {
		out[i] = ItemScoreDTO{Key: k, Value: it[i].Float()}
	}
	return out
}

func (s *Service) scoreDTO(sc Score) ScoreDTO {
	d := ScoreDTO{ID: sc.ID, MeetingID: sc.MeetingID, Scale: string(sc.Scale), Rater: string(sc.Rater), Collateral: sc.Rater.Collateral(),
		EnteredBy: string(sc.EnteredBy), Items: itemsDTO(sc.Scale, sc.Items), Total: sc.Items.Total().Float(),
		RecordedAt: ts(sc.RecordedAt), RecordedByName: sc.RecordedByName, MeetingStarts: ts(sc.MeetingStarts),
		Version: int32(sc.Version), Corrections: []CorrectionDTO{}, LowItems: []string{}}
	for _, c := range sc.Corrections {
		d.Corrections = append(d.Corrections, CorrectionDTO{Items: itemsDTO(sc.Scale, c.Items), Total: c.Items.Total().Float(),
			Reason: c.Reason, CorrectedAt: ts(c.CorrectedAt), ByName: c.ByName})
	}
	if sc.Scale == SRS {
		signal, low := s.th.Alliance(sc.Items)
		d.AllianceSignal = signal
		if low != nil {
			d.LowItems = low
		}
	}
	return d
}

func (s *Service) scoreDTOs(list []Score) []ScoreDTO {
	out := make([]ScoreDTO, len(list))
	for i, sc := range list {
		out[i] = s.scoreDTO(sc)
	}
	return out
}

func signalDTO(g Signal) SignalDTO {
	d := SignalDTO{ID: g.ID, CaseID: g.CaseID, MeetingID: g.MeetingID, MeetingStartsAt: ts(g.MeetingStarts), Kind: string(g.Kind),
		Detail: g.Detail, RaisedAt: ts(g.RaisedAt), Response: g.Response, RespondedByName: g.RespondedBy,
		CitizenName: g.CitizenName, CaseworkerName: g.CaseworkerName}
	if g.RespondedAt != nil {
		d.RespondedAt = ts(*g.RespondedAt)
	}
	return d
}

func signalDTOs(list []Signal) []SignalDTO {
	out := make([]SignalDTO, len(list))
	for i, g := range list {
		out[i] = signalDTO(g)
	}
	return out
}

func wordingDTO(lang string, w Wording, q Questions, licensed bool) WordingDTO {
	return WordingDTO{Lang: lang, Licensed: licensed, ORS: w.ORS[:], SRS: w.SRS[:], ORSAnchor: w.ORSAnchor[:], SRSAnchor: w.SRSAnchor[:],
		ORSIntro: w.ORSIntro, SRSIntro: w.SRSIntro,
		Questions: QuestionsDTO{MeetingOK: q.MeetingOK, TalkedAbout: q.TalkedAbout, Different: q.Different, Topics: q.Topics}}
}

func ptrF(v float64) *float64 { return &v }

func share(n, total int) *float64 {
	if total == 0 {
		return ptrF(0)
	}
	return ptrF(float64(int64(float64(n)/float64(total)*10000+0.5)) / 10000)
}
