package checklists

import (
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
)

// LocalizedDTO is a text in Danish and English.
type LocalizedDTO struct {
	Da string `json:"da" maxLength:"1000"`
	En string `json:"en" maxLength:"1000"`
} // @name LocalizedText

// LocalizedListDTO is a list of texts in Danish and English.
type LocalizedListDTO struct {
	Da []string `json:"da" validate:"max=10" maxLength:"500"`
	En []string `json:"en" validate:"max=10" maxLength:"500"`
} // @name LocalizedTextList

// PrincipleDTO is one principle as worded in one version of the reference data.
type PrincipleDTO struct {
	Code   string `json:"code" enums:"P1_HOPES,P2_RESOURCES,P3_NETWORK,P4_OPENNESS,P5_EARLY,P6_COORDINATED,P7_FOLLOW_UP,P8_KNOWLEDGE"`
	Number int32  `json:"number" format:"int32" minimum:"1" maximum:"8"`
	// The principle's exact Danish title.
	TitleDa     string       `json:"title_da" maxLength:"300"`
	TitleEn     string       `json:"title_en" maxLength:"300"`
	Description LocalizedDTO `json:"description"`
	// Questions to reflect on, shown as help next to the checklist item.
	ReflectionQuestions LocalizedListDTO `json:"reflection_questions"`
	// Phases where the principle plays a special role.
	Core []string `json:"core" validate:"max=6" enums:"sagsaabning,sagsoplysning,sagsvurdering,afgoerelse,bestilling,opfoelgning"`
	// Phases where the source only implies a role, or is uncertain.
	Optional []string `json:"optional" validate:"max=6" enums:"sagsaabning,sagsoplysning,sagsvurdering,afgoerelse,bestilling,opfoelgning"`
} // @name Principle

// PrincipleSetDTO is one published version of the principles.
type PrincipleSetDTO struct {
	Version         string         `json:"version" maxLength:"50" example:"S2-2023-reconstructed"`
	Note            string         `json:"note" maxLength:"2000"`
	PublishedAt     string         `json:"published_at" format:"date-time" maxLength:"40"`
	PublishedByName string         `json:"published_by_name,omitempty" maxLength:"200"`
	Principles      []PrincipleDTO `json:"principles" validate:"max=8"`
} // @name PrincipleSet

// PrincipleVersionDTO describes a published version.
type PrincipleVersionDTO struct {
	Version         string `json:"version" maxLength:"50"`
	Note            string `json:"note" maxLength:"2000"`
	PublishedAt     string `json:"published_at" format:"date-time" maxLength:"40"`
	PublishedByName string `json:"published_by_name,omitempty" maxLength:"200"`
	// Whether new checklists use this version.
	InForce bool `json:"in_force"`
} // @name PrincipleVersion

// PrincipleVersionsDTO lists the published versions, newest first.
type PrincipleVersionsDTO struct {
	Items []PrincipleVersionDTO `json:"items" validate:"max=200"`
} // @name PrincipleVersions

// PublishPrinciplesRequest publishes a revised set under a new version name.
type PublishPrinciplesRequest struct {
	Version    string         `json:"version" maxLength:"50" example:"2027-1"`
	Note       string         `json:"note,omitempty" maxLength:"2000"`
	Principles []PrincipleDTO `json:"principles" validate:"max=8"`
} // @name PublishPrinciplesRequest

// CompletionDTO counts answered items among the relevant (core and optional) ones.
type CompletionDTO struct {
	Answered int32 `json:"answered" format:"int32" minimum:"0" maximum:"8"`
	Relevant int32 `json:"relevant" format:"int32" minimum:"0" maximum:"8"`
	// Answered as a whole percentage of relevant; 100 when nothing is relevant.
	Percent int32 `json:"percent" format:"int32" minimum:"0" maximum:"100"`
} // @name ChecklistCompletion

// ChecklistItemDTO is one principle's line in a checklist.
type ChecklistItemDTO struct {
	// The principle as worded in the checklist's version.
	Principle     PrincipleDTO `json:"principle"`
	Applicability string       `json:"applicability" enums:"core,optional,other"`
	Status        string       `json:"status" enums:"open,applied,partly_applied,not_applied,not_relevant_now"`
	// How it was done, or why not.
	Note          string `json:"note" maxLength:"2000"`
	UpdatedAt     string `json:"updated_at,omitempty" format:"date-time" maxLength:"40"`
	UpdatedByName string `json:"updated_by_name,omitempty" maxLength:"200"`
} // @name ChecklistItem

// ChecklistDTO is a case's checklist for one pass through a phase.
type ChecklistDTO struct {
	ID     uuid.UUID `json:"id" format:"uuid"`
	CaseID uuid.UUID `json:"case_id" format:"uuid"`
	Phase  string    `json:"phase" enums:"sagsaabning,sagsoplysning,sagsvurdering,afgoerelse,bestilling,opfoelgning"`
	// Pass through the phase sequence; it grows when follow-up sends the case back.
	Iteration int32 `json:"iteration" format:"int32" minimum:"1" maximum:"10000"`
	// In opfølgning, the follow-up review the checklist belongs to (1 = until the first review is recorded); 1 elsewhere.
	Round int32 `json:"round" format:"int32" minimum:"1" maximum:"10000"`
	// Version of the principle set the checklist was created with; it never changes.
	PrincipleVersion string `json:"principle_version" maxLength:"50"`
	// Whether this is the checklist of the phase the case is in now.
	Current bool `json:"current"`
	// Whether the phase gate reads this checklist if the case leaves its phase
	// now: of the current pass, the latest round with answers, else the latest.
	Gate bool `json:"gate"`
	// When the case left the phase (in opfølgning: moved on from the round); absent while it is worked on.
	LeftAt     string        `json:"left_at,omitempty" format:"date-time" maxLength:"40"`
	State      string        `json:"state" enums:"not_started,in_progress,complete"`
	Completion CompletionDTO `json:"completion"`
	// Codes of core principles without an answer: what the phase gate looks at.
	OpenCore []string `json:"open_core" validate:"max=8" enums:"P1_HOPES,P2_RESOURCES,P3_NETWORK,P4_OPENNESS,P5_EARLY,P6_COORDINATED,P7_FOLLOW_UP,P8_KNOWLEDGE"`
	// All eight principles: core first, then optional, then the rest, each by number.
	Items     []ChecklistItemDTO `json:"items" validate:"max=8"`
	CreatedAt string             `json:"created_at" format:"date-time" maxLength:"40"`
	UpdatedAt string             `json:"updated_at" format:"date-time" maxLength:"40"`
	Version   int32              `json:"version" format:"int32" minimum:"1" maximum:"2147483647"`
} // @name Checklist

// ChecklistListDTO lists a case's checklists, newest first.
type ChecklistListDTO struct {
	Items []ChecklistDTO `json:"items" validate:"max=1000"`
} // @name ChecklistList

// ItemAnswerDTO answers one principle.
type ItemAnswerDTO struct {
	Principle string `json:"principle" enums:"P1_HOPES,P2_RESOURCES,P3_NETWORK,P4_OPENNESS,P5_EARLY,P6_COORDINATED,P7_FOLLOW_UP,P8_KNOWLEDGE"`
	Status    string `json:"status" enums:"open,applied,partly_applied,not_applied,not_relevant_now"`
	// How it was done; required (why not) for not_applied and not_relevant_now.
	Note string `json:"note,omitempty" maxLength:"2000"`
} // @name ChecklistItemAnswer

// AnswerChecklistRequest answers some or all principles of a checklist.
type AnswerChecklistRequest struct {
	Items []ItemAnswerDTO `json:"items" validate:"max=8"`
} // @name AnswerChecklistRequest

// StatusCountsDTO counts answers.
type StatusCountsDTO struct {
	Applied        int32 `json:"applied" format:"int32" minimum:"0" maximum:"2147483647"`
	PartlyApplied  int32 `json:"partly_applied" format:"int32" minimum:"0" maximum:"2147483647"`
	NotApplied     int32 `json:"not_applied" format:"int32" minimum:"0" maximum:"2147483647"`
	NotRelevantNow int32 `json:"not_relevant_now" format:"int32" minimum:"0" maximum:"2147483647"`
	Open           int32 `json:"open" format:"int32" minimum:"0" maximum:"2147483647"`
} // @name StatusCounts

// StatusSharesDTO are the counts as shares of the checklists behind a cell (0–1).
type StatusSharesDTO struct {
	Applied        float64 `json:"applied" minimum:"0" maximum:"1"`
	PartlyApplied  float64 `json:"partly_applied" minimum:"0" maximum:"1"`
	NotApplied     float64 `json:"not_applied" minimum:"0" maximum:"1"`
	NotRelevantNow float64 `json:"not_relevant_now" minimum:"0" maximum:"1"`
	Open           float64 `json:"open" minimum:"0" maximum:"1"`
} // @name StatusShares

// InsightCellDTO is one principle in one phase.
type InsightCellDTO struct {
	Principle string `json:"principle" enums:"P1_HOPES,P2_RESOURCES,P3_NETWORK,P4_OPENNESS,P5_EARLY,P6_COORDINATED,P7_FOLLOW_UP,P8_KNOWLEDGE"`
	Phase     string `json:"phase" enums:"sagsaabning,sagsoplysning,sagsvurdering,afgoerelse,bestilling,opfoelgning"`
	// The principle's role in the phase under the set in force.
	Applicability string `json:"applicability" enums:"core,optional,other"`
	// Checklists in scope where the principle was relevant (core or optional) in this phase.
	Checklists int32           `json:"checklists" format:"int32" minimum:"0" maximum:"2147483647"`
	Counts     StatusCountsDTO `json:"counts"`
	// Shares of Checklists; absent when there are too few to read.
	Shares *StatusSharesDTO `json:"shares,omitempty"`
	// Fewer than min_checklists checklists: too few to read as practice.
	TooFew bool `json:"too_few"`
} // @name PrincipleInsightCell

// InsightPrincipleDTO names a principle in the overview.
type InsightPrincipleDTO struct {
	Code    string `json:"code" enums:"P1_HOPES,P2_RESOURCES,P3_NETWORK,P4_OPENNESS,P5_EARLY,P6_COORDINATED,P7_FOLLOW_UP,P8_KNOWLEDGE"`
	Number  int32  `json:"number" format:"int32" minimum:"1" maximum:"8"`
	TitleDa string `json:"title_da" maxLength:"300"`
	TitleEn string `json:"title_en" maxLength:"300"`
} // @name InsightPrinciple

// InsightDTO is the leader's principle × phase overview.
type InsightDTO struct {
	From    string      `json:"from" format:"date" maxLength:"10"`
	To      string      `json:"to" format:"date" maxLength:"10"`
	TeamIDs []uuid.UUID `json:"team_ids" format:"uuid" validate:"max=100"`
	// Cells with fewer checklists than this are marked too_few.
	MinChecklists    int32                 `json:"min_checklists" format:"int32" minimum:"1" maximum:"1000"`
	PrincipleVersion string                `json:"principle_version" maxLength:"50"`
	Principles       []InsightPrincipleDTO `json:"principles" validate:"max=8"`
	Phases           []string              `json:"phases" validate:"max=6" enums:"sagsaabning,sagsoplysning,sagsvurdering,afgoerelse,bestilling,opfoelgning"`
	// One cell per principle and phase, principle by principle.
	Cells []InsightCellDTO `json:"cells" validate:"max=48"`
} // @name PrincipleInsight

// InsightCaseDTO is one checklist behind a cell, with its case.
type InsightCaseDTO struct {
	CaseID         uuid.UUID `json:"case_id" format:"uuid"`
	TeamID         uuid.UUID `json:"team_id" format:"uuid"`
	CitizenName    string    `json:"citizen_name" maxLength:"200"`
	CaseworkerName string    `json:"caseworker_name" maxLength:"200"`
	ChecklistID    uuid.UUID `json:"checklist_id" format:"uuid"`
	Iteration      int32     `json:"iteration" format:"int32" minimum:"1" maximum:"10000"`
	Round          int32     `json:"round" format:"int32" minimum:"1" maximum:"10000"`
	Applicability  string    `json:"applicability" enums:"core,optional"`
	Status         string    `json:"status" enums:"open,applied,partly_applied,not_applied,not_relevant_now"`
	UpdatedAt      string    `json:"updated_at" format:"date-time" maxLength:"40"`
} // @name PrincipleInsightCase

// InsightCasesDTO is one page of a drill-down.
type InsightCasesDTO struct {
	Items []InsightCaseDTO `json:"items" validate:"max=200"`
	// Pass as cursor for the next page; absent on the last page.
	NextCursor string `json:"next_cursor,omitempty" maxLength:"1000"`
} // @name PrincipleInsightCases

// --- converters ---

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func phaseStrings(ps []cases.Phase) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = string(p)
	}
	return out
}

func toPrincipleDTO(p Principle) PrincipleDTO {
	d := PrincipleDTO{Code: p.Code, Number: int32(p.Number), TitleDa: p.TitleDa, TitleEn: p.TitleEn,
		Description:         LocalizedDTO(p.Description),
		ReflectionQuestions: LocalizedListDTO{Da: p.ReflectionQuestions.Da, En: p.ReflectionQuestions.En},
		Core:                phaseStrings(p.Core), Optional: phaseStrings(p.Optional)}
	if d.ReflectionQuestions.Da == nil {
		d.ReflectionQuestions.Da = []string{}
	}
	if d.ReflectionQuestions.En == nil {
		d.ReflectionQuestions.En = []string{}
	}
	return d
}

func toSetDTO(s Set) PrincipleSetDTO {
	d := PrincipleSetDTO{Version: s.Version, Note: s.Note, PublishedAt: ts(s.PublishedAt), PublishedByName: s.PublishedByName,
		Principles: make([]PrincipleDTO, len(s.Principles))}
	for i, p := range s.Principles {
		d.Principles[i] = toPrincipleDTO(p)
	}
	return d
}

func fromSetRequest(in PublishPrinciplesRequest) Set {
	s := Set{Version: in.Version, Note: in.Note, Principles: make([]Principle, len(in.Principles))}
	for i, p := range in.Principles {
		s.Principles[i] = Principle{Code: p.Code, Number: int(p.Number), TitleDa: p.TitleDa, TitleEn: p.TitleEn,
			Description:         Localized(p.Description),
			ReflectionQuestions: LocalizedList{Da: p.ReflectionQuestions.Da, En: p.ReflectionQuestions.En},
			Core:                toPhases(p.Core), Optional: toPhases(p.Optional)}
	}
	return s
}

func toPhases(ss []string) []cases.Phase {
	out := make([]cases.Phase, len(ss))
	for i, s := range ss {
		out[i] = cases.Phase(s)
	}
	return out
}

func toChecklistDTO(c Checklist) ChecklistDTO {
	answered, relevant := c.Completion()
	pct := int32(100)
	if relevant > 0 {
		pct = int32(answered * 100 / relevant)
	}
	d := ChecklistDTO{ID: c.ID, CaseID: c.CaseID, Phase: string(c.Phase), Iteration: int32(c.Iteration), Round: int32(c.Round),
		PrincipleVersion: c.PrincipleVersion, Current: c.Current, Gate: c.Gate, State: string(c.State()),
		Completion: CompletionDTO{Answered: int32(answered), Relevant: int32(relevant), Percent: pct},
		OpenCore:   []string{}, Items: make([]ChecklistItemDTO, len(c.Items)),
		CreatedAt: ts(c.CreatedAt), UpdatedAt: ts(c.UpdatedAt), Version: int32(c.Version)}
	for _, it := range c.OpenCore() {
		d.OpenCore = append(d.OpenCore, it.Principle.Code)
	}
	for i, it := range c.Items {
		d.Items[i] = ChecklistItemDTO{Principle: toPrincipleDTO(it.Principle), Applicability: string(it.Applicability),
			Status: string(it.Status), Note: it.Note, UpdatedByName: it.UpdatedByName}
		if it.UpdatedAt != nil {
			d.Items[i].UpdatedAt = ts(*it.UpdatedAt)
		}
	}
	return d
}

func share(n, total int) float64 {
	if total == 0 {
		return 0
	}
	// Four decimals: enough for a percentage with two.
	return float64(int64(float64(n)/float64(total)*10000+0.5)) / 10000
}

func toInsightDTO(in Insight) InsightDTO {
	d := InsightDTO{From: in.From.Format(time.DateOnly), To: in.To.Format(time.DateOnly), TeamIDs: in.TeamIDs,
		MinChecklists: MinChecklists, PrincipleVersion: in.Version, Phases: phaseStrings(cases.Phases),
		Principles: make([]InsightPrincipleDTO, len(in.Principles)), Cells: make([]InsightCellDTO, len(in.Cells))}
	if d.TeamIDs == nil {
		d.TeamIDs = []uuid.UUID{}
	}
	for i, p := range in.Principles {
		d.Principles[i] = InsightPrincipleDTO{Code: p.Code, Number: int32(p.Number), TitleDa: p.TitleDa, TitleEn: p.TitleEn}
	}
	for i, c := range in.Cells {
		n := c.Counts.Total()
		cell := InsightCellDTO{Principle: c.Principle, Phase: string(c.Phase), Applicability: string(c.Applicability),
			Checklists: int32(n), TooFew: c.TooFew,
			Counts: StatusCountsDTO{Applied: int32(c.Counts.Applied), PartlyApplied: int32(c.Counts.PartlyApplied),
				NotApplied: int32(c.Counts.NotApplied), NotRelevantNow: int32(c.Counts.NotRelevantNow), Open: int32(c.Counts.Open)}}
		if !c.TooFew {
			cell.Shares = &StatusSharesDTO{Applied: share(c.Counts.Applied, n), PartlyApplied: share(c.Counts.PartlyApplied, n),
				NotApplied: share(c.Counts.NotApplied, n), NotRelevantNow: share(c.Counts.NotRelevantNow, n), Open: share(c.Counts.Open, n)}
		}
		d.Cells[i] = cell
	}
	return d
}

func toInsightCasesDTO(p CasePage) InsightCasesDTO {
	d := InsightCasesDTO{Items: make([]InsightCaseDTO, len(p.Items)), NextCursor: p.NextCursor}
	for i, c := range p.Items {
		d.Items[i] = InsightCaseDTO{CaseID: c.CaseID, TeamID: c.TeamID, CitizenName: c.CitizenName, CaseworkerName: c.CaseworkerName,
			ChecklistID: c.ChecklistID, Iteration: int32(c.Iteration), Round: int32(c.Round),
			Applicability: string(c.Applicability), Status: string(c.Status), UpdatedAt: ts(c.UpdatedAt)}
	}
	return d
}
