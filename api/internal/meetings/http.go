package meetings

import (
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Handler serves a case's meetings and its contact against the agreement.
type Handler struct{ svc *Service }

// NewHandler returns the meetings HTTP handler.
func NewHandler(s *Service) *Handler { return &Handler{svc: s} }

// Register mounts the routes on the authenticated /api/v1 group.
func (h *Handler) Register(g *echo.Group) {
	g.GET("/cases/:case_id/meetings", h.list)
	g.POST("/cases/:case_id/meetings", h.create)
	g.GET("/cases/:case_id/contact", h.contact)
	g.GET("/meetings/:id", h.get)
	g.PATCH("/meetings/:id", h.update)
}

// --- converters ---

func str(s string) *string { return &s }

func fromParticipants(ps []ParticipantDTO) []Participant {
	out := make([]Participant, len(ps))
	for i, p := range ps {
		out[i] = Participant(p)
	}
	return out
}

func fromAgenda(items []AgendaItemInput) []AgendaInput {
	out := make([]AgendaInput, len(items))
	for i, it := range items {
		out[i] = AgendaInput{Text: it.Text}
		if it.ID != nil {
			out[i].ID = *it.ID
		}
	}
	return out
}

func fromAgreements(as []AgreementInput) []Agreement {
	out := make([]Agreement, len(as))
	for i, a := range as {
		out[i] = Agreement{Text: a.Text, Responsible: a.Responsible, DueDate: a.DueDate}
		if a.ID != nil {
			out[i].ID = *a.ID
		}
	}
	return out
}

func fromRequest(in MeetingRequest) Fields {
	f := Fields{StartsAt: str(in.StartsAt), Form: str(in.Form), Place: str(in.Place), AgendaSent: &in.AgendaSent,
		Summary: str(in.Summary)}
	if in.DurationMinutes != nil {
		d := int(*in.DurationMinutes)
		f.DurationMinutes = &d
	}
	if in.Participants != nil {
		ps := fromParticipants(in.Participants)
		f.Participants = &ps
	}
	if in.Agenda != nil {
		a := fromAgenda(in.Agenda)
		f.Agenda = &a
	}
	if in.Agreements != nil {
		a := fromAgreements(in.Agreements)
		f.Agreements = &a
	}
	if in.Status != "" {
		f.Status = &in.Status
	}
	return f
}

func fromChange(in MeetingChange) Fields {
	f := Fields{StartsAt: in.StartsAt, Form: in.Form, Place: in.Place, AgendaSent: in.AgendaSent, Summary: in.Summary,
		Status: in.Status}
	if in.DurationMinutes != nil {
		d := int(*in.DurationMinutes)
		f.DurationMinutes = &d
	}
	if in.Participants != nil {
		ps := fromParticipants(*in.Participants)
		f.Participants = &ps
	}
	if in.Agenda != nil {
		a := fromAgenda(*in.Agenda)
		f.Agenda = &a
	}
	if in.Agreements != nil {
		a := fromAgreements(*in.Agreements)
		f.Agreements = &a
	}
	return f
}

func toDTO(m Meeting) MeetingDTO {
	out := MeetingDTO{ID: m.ID, CaseID: m.CaseID, StartsAt: m.StartsAt, Form: string(m.Form), Place: m.Place,
		Participants: make([]ParticipantDTO, len(m.Participants)), AgendaSent: m.AgendaSent,
		Agenda: make([]AgendaItemDTO, len(m.Agenda)), Summary: m.Summary, Agreements: make([]AgreementDTO, len(m.Agreements)),
		Status: string(m.Status), CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt, Version: int32(m.Version)}
	if m.DurationMinutes != nil {
		d := int32(*m.DurationMinutes)
		out.DurationMinutes = &d
	}
	for i, p := range m.Participants {
		out.Participants[i] = ParticipantDTO(p)
	}
	for i, it := range m.Agenda {
		out.Agenda[i] = AgendaItemDTO{ID: it.ID, Text: it.Text, AddedBy: it.AddedBy, AddedAt: it.AddedAt.UTC()}
	}
	for i, a := range m.Agreements {
		out.Agreements[i] = AgreementDTO{ID: a.ID, Text: a.Text, Responsible: a.Responsible, DueDate: a.DueDate}
	}
	return out
}

func date(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

func toContactDTO(c Contact) ContactStatusDTO {
	out := ContactStatusDTO{Status: string(c.State), PreferredFrequency: c.Frequency, LastHeldOn: date(c.LastHeld),
		CountedFrom: string(c.CountedFrom), CountedFromDate: c.Since.Format(time.DateOnly), DaysSince: int32(c.DaysSince),
		NextExpectedOn: date(c.NextDue), WindowFrom: c.WindowFrom.Format(time.DateOnly),
		HeldByForm: make([]FormCountDTO, len(c.HeldByForm)), FormsOutsideAgreement: make([]string, len(c.OutsideAgreement))}
	if c.Interval > 0 {
		d := int32(c.Interval)
		out.IntervalDays = &d
	}
	for i, fc := range c.HeldByForm {
		out.HeldByForm[i] = FormCountDTO{Form: string(fc.Form), Held: int32(fc.Held)}
	}
	for i, f := range c.OutsideAgreement {
		out.FormsOutsideAgreement[i] = string(f)
	}
	return out
}

func respond(c echo.Context, status int, m Meeting) error {
	httpx.SetETag(c, m.Version)
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(status, toDTO(m))
}

// versioned parses what a change of one meeting needs: its id, the actor,
// and the version from If-Match.
func versioned(c echo.Context) (uuid.UUID, int, actor.Actor, error) {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return uuid.Nil, 0, actor.Actor{}, err
	}
	a, err := caseActor(c)
	if err != nil {
		return uuid.Nil, 0, actor.Actor{}, err
	}
	version, err := httpx.IfMatch(c)
	if err != nil {
		return uuid.Nil, 0, actor.Actor{}, err
	}
	return id, version, a, nil
}

// caseActor is the actor of a case-content request (see actor.CaseWorkerFrom).
func caseActor(c echo.Context) (actor.Actor, error) {
	return actor.CaseWorkerFrom(c.Request().Context())
}
