package cases

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Handler serves /cases.
type Handler struct{ svc *Service }

// NewHandler returns the cases HTTP handler.
func NewHandler(s *Service) *Handler { return &Handler{svc: s} }

// Register mounts the routes on the authenticated /api/v1 group.
func (h *Handler) Register(g *echo.Group) {
	g.GET("/cases", h.list)
	g.POST("/cases", h.create)
	g.POST("/cases/cpr-lookup", h.lookup)
	g.GET("/cases/:id", h.get)
	g.PATCH("/cases/:id", h.update)
	g.POST("/cases/:id/close", h.close)
	g.POST("/cases/:id/reopen", h.reopen)
	g.POST("/cases/:id/phase", h.phase)
	g.GET("/cases/:id/cpr", h.revealCPR)
}

// --- converters ---

func dateString(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

func (h *Handler) toDTO(v Viewed) CaseDTO {
	c := v.Case
	out := CaseDTO{
		ID: c.ID, TeamID: c.TeamID, Caseworker: StaffRef{ID: c.CaseworkerID, Name: c.CaseworkerName},
		Citizen: CitizenDTO{Name: c.Citizen.Name, CPR: v.MaskedCPR}, LegalBasis: c.LegalBasis,
		LegalBasisNote: c.LegalBasisNote, TargetGroup: c.TargetGroup, Phase: string(c.Phase),
		PhaseIteration: int32(c.PhaseIteration), AllowedNextPhases: []string{}, Status: string(c.Status),
		ClosureReason: c.ClosureReason, ClosureNote: c.ClosureNote, ReopenedAt: c.ReopenedAt, ReopenNote: c.ReopenNote,
		Dreams: make([]DreamDTO, len(c.Dreams)), Resources: make([]ResourceDTO, len(c.Resources)),
		Network: make([]NetworkPersonDTO, len(c.Network)), Expectations: make([]ExpectationDTO, len(c.Expectations)),
		ContactAgreement: ContactAgreementDTO(c.ContactAgreement), FollowUpCadence: c.FollowUpCadence,
		NextFollowUpDate: dateString(c.NextFollowUp), FollowUpOverdue: c.FollowUpOverdue(h.svc.Today()),
		OpenedAt: c.OpenedAt, ClosedAt: c.ClosedAt, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
		Version: int32(c.Version), PhaseHistory: make([]PhaseChangeDTO, len(c.PhaseHistory)),
	}
	if c.Status == StatusOpen {
		for _, p := range c.Phase.AllowedNext() {
			out.AllowedNextPhases = append(out.AllowedNextPhases, string(p))
		}
	}
	for _, s := range []*[]string{&out.ContactAgreement.MeetingFormats, &out.ContactAgreement.MeetingPlaces,
		&out.ContactAgreement.TimesOfDay, &out.ContactAgreement.Media} {
		if *s == nil {
			*s = []string{}
		}
	}
	for i, d := range c.Dreams {
		out.Dreams[i] = DreamDTO(d)
	}
	for i, r := range c.Resources {
		out.Resources[i] = ResourceDTO(r)
	}
	for i, n := range c.Network {
		out.Network[i] = NetworkPersonDTO(n)
	}
	for i, e := range c.Expectations {
		out.Expectations[i] = ExpectationDTO(e)
		if out.Expectations[i].Topics == nil {
			out.Expectations[i].Topics = []string{}
		}
	}
	for i, p := range c.PhaseHistory {
		out.PhaseHistory[i] = PhaseChangeDTO{ID: p.ID, From: string(p.From), To: string(p.To), Iteration: int32(p.Iteration),
			OccurredAt: p.OccurredAt, By: StaffRef{ID: p.ActorID, Name: p.ActorName}, Note: p.Note}
	}
	return out
}

func toSummaryDTO(s Summary) CaseSummaryDTO {
	return CaseSummaryDTO{ID: s.ID, TeamID: s.TeamID, Caseworker: StaffRef{ID: s.CaseworkerID, Name: s.CaseworkerName},
		Citizen: CitizenDTO{Name: s.CitizenName, CPR: s.MaskedCPR}, LegalBasis: s.LegalBasis, TargetGroup: s.TargetGroup,
		Phase: string(s.Phase), PhaseIteration: int32(s.PhaseIteration), Status: string(s.Status),
		FollowUpCadence: s.FollowUpCadence, NextFollowUpDate: dateString(s.NextFollowUp), FollowUpOverdue: s.Overdue,
		OpenedAt: s.OpenedAt, ClosedAt: s.ClosedAt, UpdatedAt: s.UpdatedAt, Version: int32(s.Version)}
}

func toPageDTO(p Page) CasePageDTO {
	out := CasePageDTO{Items: make([]CaseSummaryDTO, len(p.Items)), NextCursor: p.NextCursor}
	for i, s := range p.Items {
		out.Items[i] = toSummaryDTO(s)
	}
	return out
}

func idOr(p *uuid.UUID) uuid.UUID {
	if p == nil {
		return uuid.Nil
	}
	return *p
}

func fromDreams(in []DreamInput) []Dream {
	out := make([]Dream, len(in))
	for i, d := range in {
		out[i] = Dream{ID: idOr(d.ID), Kind: d.Kind, Text: d.Text, ExpressedBy: d.ExpressedBy}
	}
	return out
}

func fromResources(in []ResourceInput) []Resource {
	out := make([]Resource, len(in))
	for i, r := range in {
		out[i] = Resource{ID: idOr(r.ID), Type: r.Type, Description: r.Description, Source: r.Source,
			ConfirmedByCitizen: r.ConfirmedByCitizen}
	}
	return out
}

func fromNetwork(in []NetworkPersonInput) []NetworkPerson {
	out := make([]NetworkPerson, len(in))
	for i, n := range in {
		out[i] = NetworkPerson{ID: idOr(n.ID), Name: n.Name, Relation: n.Relation, Kind: n.Kind,
			ContactStatus: n.ContactStatus, ConsentToInvolve: n.ConsentToInvolve, Note: n.Note}
	}
	return out
}

func fromExpectations(in []ExpectationInput) []Expectation {
	out := make([]Expectation, len(in))
	for i, e := range in {
		out[i] = Expectation{ID: idOr(e.ID), HeldOn: e.HeldOn, Topics: e.Topics, WithRelatives: e.WithRelatives,
			Summary: e.Summary, NextReview: e.NextReview}
	}
	return out
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func toNewCase(in CreateCaseRequest) NewCase {
	n := NewCase{TeamID: in.TeamID, CaseworkerID: in.CaseworkerID, CitizenName: in.Citizen.Name,
		CitizenCPR: in.Citizen.CPR, LegalBasis: in.LegalBasis, LegalBasisNote: in.LegalBasisNote,
		TargetGroup: in.TargetGroup, Dreams: fromDreams(in.Dreams), Resources: fromResources(in.Resources),
		Network: fromNetwork(in.Network), Expectations: fromExpectations(in.Expectations),
		FollowUpCadence: in.FollowUpCadence, NextFollowUp: in.NextFollowUpDate}
	if in.ContactAgreement != nil {
		n.ContactAgreement = ContactAgreement(*in.ContactAgreement)
	}
	return n
}

func toChange(in UpdateCaseRequest) CaseChange {
	ch := CaseChange{CaseworkerID: in.CaseworkerID, LegalBasis: in.LegalBasis, LegalBasisNote: in.LegalBasisNote,
		TargetGroup: in.TargetGroup, FollowUpCadence: in.FollowUpCadence, NextFollowUp: in.NextFollowUpDate}
	if in.Citizen != nil {
		ch.CitizenName, ch.CitizenCPR = in.Citizen.Name, in.Citizen.CPR
	}
	if in.Dreams != nil {
		d := fromDreams(*in.Dreams)
		ch.Dreams = &d
	}
	if in.Resources != nil {
		r := fromResources(*in.Resources)
		ch.Resources = &r
	}
	if in.Network != nil {
		n := fromNetwork(*in.Network)
		ch.Network = &n
	}
	if in.ContactAgreement != nil {
		c := ContactAgreement(*in.ContactAgreement)
		ch.ContactAgreement = &c
	}
	if in.Expectations != nil {
		e := fromExpectations(*in.Expectations)
		ch.Expectations = &e
	}
	return ch
}

func (h *Handler) respond(c echo.Context, status int, v Viewed) error {
	httpx.SetETag(c, v.Version)
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(status, h.toDTO(v))
}

// --- handlers ---

// list godoc
//
//	@Summary		List cases
//	@ID			listCases
//	@Description	Cases of your teams, newest change first by default, with keyset pagination. Each case shown is recorded in the audit trail. For an exact CPR match use POST /cases/cpr-lookup, which keeps the number out of URLs and logs.
//	@Tags			cases
//	@Produce		json
//	@Security		BearerAuth
//	@Param			phase				query		string	false	"Only cases in this phase"	Enums(sagsaabning, sagsoplysning, sagsvurdering, afgoerelse, bestilling, opfoelgning)
//	@Param			status				query		string	false	"Only open or closed cases"	Enums(open, closed)
//	@Param			caseworker_id		query		string	false	"Only cases with this coordinating caseworker"	format(uuid)
//	@Param			team_id				query		string	false	"Only this team's cases"	format(uuid)
//	@Param			follow_up_overdue	query		bool	false	"Only cases whose next follow-up date has passed (true) or has not (false)"
//	@Param			q					query		string	false	"Part of the citizen's name"	minlength(2)	maxlength(100)
//	@Param			sort				query		string	false	"Sort order; prefix - for descending"	Enums(updated_at, -updated_at, opened_at, -opened_at, name, -name, next_follow_up, -next_follow_up)	default(-updated_at)
//	@Param			limit				query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"Cursor from the previous page"	maxlength(1000)
//	@Success		200					{object}	CasePageDTO
//	@Failure		400					{object}	httpx.Problem
//	@Failure		401					{object}	httpx.Problem
//	@Failure		403					{object}	httpx.Problem
//	@Failure		429					{object}	httpx.Problem
//	@Failure		500					{object}	httpx.Problem
//	@Router			/cases [get]
func (h *Handler) list(c echo.Context) error {
	q := httpx.NewQuery(c)
	f := ListFilter{
		Phase:        q.Enum("phase", phaseNames()...),
		Status:       q.Enum("status", "open", "closed"),
		CaseworkerID: q.UUID("caseworker_id"),
		TeamID:       q.UUID("team_id"),
		Overdue:      q.Bool("follow_up_overdue"),
		Query:        q.String("q", 100),
		Sort:         q.Enum("sort", SortNames()...),
		Limit:        q.Int("limit", 50, 1, 200),
		Cursor:       q.String("cursor", 1000),
	}
	if err := q.Err(); err != nil {
		return err
	}
	if f.Query != "" && len([]rune(f.Query)) < 2 {
		e := errs.New(errs.BadRequest, "The query string has invalid parameters.")
		e.Fields = []errs.FieldError{{Field: "q", Message: "must be at least 2 characters"}}
		return e
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	page, err := h.svc.List(c.Request().Context(), a, f)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, toPageDTO(page))
}

// lookup godoc
//
//	@Summary		Find cases by CPR number
//	@ID			lookupCasesByCPR
//	@Description	Exact match on the citizen's CPR number within your teams. The number is sent in the body so it never appears in a URL or an access log. Audited.
//	@Tags			cases
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			body	body		CPRLookupRequest	true	"CPR number"
//	@Success		200		{object}	CasePageDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/cases/cpr-lookup [post]
func (h *Handler) lookup(c echo.Context) error {
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	var in CPRLookupRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	limit := int(in.Limit)
	if limit == 0 {
		limit = 50
	}
	if limit < 1 || limit > 200 {
		e := errs.New(errs.Invalid, "The request has invalid fields.")
		e.Fields = []errs.FieldError{{Field: "limit", Message: "must be from 1 to 200"}}
		return e
	}
	page, err := h.svc.LookupCPR(c.Request().Context(), a, in.CPR, limit, in.Cursor)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, toPageDTO(page))
}

// create godoc
//
//	@Summary		Open a case
//	@ID			createCase
//	@Description	Opens a case in sagsåbning in one of your teams. The CPR number is validated, stored encrypted and returned masked.
//	@Tags			cases
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			body	body		CreateCaseRequest	true	"New case"
//	@Success		201		{object}	CaseDTO
//	@Header			201		{string}	ETag		"Version of the case"
//	@Header			201		{string}	Location	"Address of the case"
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/cases [post]
func (h *Handler) create(c echo.Context) error {
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	var in CreateCaseRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	v, err := h.svc.Create(c.Request().Context(), a, toNewCase(in))
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/cases/"+v.ID.String())
	return h.respond(c, http.StatusCreated, v)
}

// get godoc
//
//	@Summary		Get a case
//	@ID			getCase
//	@Description	The whole case with its phase history. A case of another team answers 404, exactly like one that does not exist. Audited.
//	@Tags			cases
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path		string	true	"Case id"	format(uuid)
//	@Success		200	{object}	CaseDTO
//	@Header			200	{string}	ETag	"Version of the case; send it as If-Match to change it"
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/cases/{id} [get]
func (h *Handler) get(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	v, err := h.svc.Get(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	return h.respond(c, http.StatusOK, v)
}

// update godoc
//
//	@Summary		Change a case
//	@ID			updateCase
//	@Description	Partial update of an open case. Needs If-Match with the ETag you read: 428 without it, 412 when someone else changed the case since. Lists (dreams, resources, network, expectations) are replaced whole; send the ids of items to keep.
//	@Tags			cases
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id			path		string				true	"Case id"	format(uuid)
//	@Param			If-Match	header		string				true	"ETag from the last read"	maxlength(100)
//	@Param			body		body		UpdateCaseRequest	true	"Changes"
//	@Success		200			{object}	CaseDTO
//	@Header			200			{string}	ETag	"New version of the case"
//	@Failure		400			{object}	httpx.Problem
//	@Failure		401			{object}	httpx.Problem
//	@Failure		403			{object}	httpx.Problem
//	@Failure		404			{object}	httpx.Problem
//	@Failure		409			{object}	httpx.Problem
//	@Failure		412			{object}	httpx.Problem
//	@Failure		413			{object}	httpx.Problem
//	@Failure		415			{object}	httpx.Problem
//	@Failure		422			{object}	httpx.Problem
//	@Failure		428			{object}	httpx.Problem
//	@Failure		429			{object}	httpx.Problem
//	@Failure		500			{object}	httpx.Problem
//	@Router			/cases/{id} [patch]
func (h *Handler) update(c echo.Context) error {
	id, version, a, err := h.versioned(c)
	if err != nil {
		return err
	}
	var in UpdateCaseRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	v, err := h.svc.Update(c.Request().Context(), a, id, version, toChange(in))
	if err != nil {
		return err
	}
	return h.respond(c, http.StatusOK, v)
}

func (h *Handler) versioned(c echo.Context) (uuid.UUID, int, actor.Actor, error) {
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

// close godoc
//
//	@Summary		Close a case
//	@ID			closeCase
//	@Description	Closes an open case with a reason. Nothing is deleted; the case can be reopened. Needs If-Match.
//	@Tags			cases
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id			path		string				true	"Case id"	format(uuid)
//	@Param			If-Match	header		string				true	"ETag from the last read"	maxlength(100)
//	@Param			body		body		CloseCaseRequest	true	"Reason"
//	@Success		200			{object}	CaseDTO
//	@Header			200			{string}	ETag	"New version of the case"
//	@Failure		400			{object}	httpx.Problem
//	@Failure		401			{object}	httpx.Problem
//	@Failure		403			{object}	httpx.Problem
//	@Failure		404			{object}	httpx.Problem
//	@Failure		409			{object}	httpx.Problem
//	@Failure		412			{object}	httpx.Problem
//	@Failure		413			{object}	httpx.Problem
//	@Failure		415			{object}	httpx.Problem
//	@Failure		422			{object}	httpx.Problem
//	@Failure		428			{object}	httpx.Problem
//	@Failure		429			{object}	httpx.Problem
//	@Failure		500			{object}	httpx.Problem
//	@Router			/cases/{id}/close [post]
func (h *Handler) close(c echo.Context) error {
	id, version, a, err := h.versioned(c)
	if err != nil {
		return err
	}
	var in CloseCaseRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	v, err := h.svc.Close(c.Request().Context(), a, id, version, in.Reason, in.Note)
	if err != nil {
		return err
	}
	return h.respond(c, http.StatusOK, v)
}

// reopen godoc
//
//	@Summary		Reopen a case
//	@ID			reopenCase
//	@Description	Reopens a closed case in the phase it was closed in. Needs If-Match.
//	@Tags			cases
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id			path		string				true	"Case id"	format(uuid)
//	@Param			If-Match	header		string				true	"ETag from the last read"	maxlength(100)
//	@Param			body		body		ReopenCaseRequest	true	"Note"
//	@Success		200			{object}	CaseDTO
//	@Header			200			{string}	ETag	"New version of the case"
//	@Failure		400			{object}	httpx.Problem
//	@Failure		401			{object}	httpx.Problem
//	@Failure		403			{object}	httpx.Problem
//	@Failure		404			{object}	httpx.Problem
//	@Failure		409			{object}	httpx.Problem
//	@Failure		412			{object}	httpx.Problem
//	@Failure		413			{object}	httpx.Problem
//	@Failure		415			{object}	httpx.Problem
//	@Failure		422			{object}	httpx.Problem
//	@Failure		428			{object}	httpx.Problem
//	@Failure		429			{object}	httpx.Problem
//	@Failure		500			{object}	httpx.Problem
//	@Router			/cases/{id}/reopen [post]
func (h *Handler) reopen(c echo.Context) error {
	id, version, a, err := h.versioned(c)
	if err != nil {
		return err
	}
	var in ReopenCaseRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	v, err := h.svc.Reopen(c.Request().Context(), a, id, version, in.Note)
	if err != nil {
		return err
	}
	return h.respond(c, http.StatusOK, v)
}

// phase godoc
//
//	@Summary		Move a case to another phase
//	@ID			moveCasePhase
//	@Description	Moves one step forward, from afgørelse straight to opfølgning (no provider) or back to sagsoplysning, or from opfølgning back to an earlier working phase (a new iteration). The move is kept in the phase history. Needs If-Match.
//	@Description	The phase gate checks the checklist of the phase being left. In warn mode (the default) the move happens and phase_gate.open_principles lists the core principles it had not answered. In require mode such a move is refused with 409 checklist-incomplete, whose `missing` member lists them.
//	@Tags			cases
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id			path		string				true	"Case id"	format(uuid)
//	@Param			If-Match	header		string				true	"ETag from the last read"	maxlength(100)
//	@Param			body		body		MovePhaseRequest	true	"Target phase"
//	@Success		200			{object}	PhaseMoveDTO
//	@Header			200			{string}	ETag	"New version of the case"
//	@Failure		400			{object}	httpx.Problem
//	@Failure		401			{object}	httpx.Problem
//	@Failure		403			{object}	httpx.Problem
//	@Failure		404			{object}	httpx.Problem
//	@Failure		409			{object}	httpx.Problem
//	@Failure		412			{object}	httpx.Problem
//	@Failure		413			{object}	httpx.Problem
//	@Failure		415			{object}	httpx.Problem
//	@Failure		422			{object}	httpx.Problem
//	@Failure		428			{object}	httpx.Problem
//	@Failure		429			{object}	httpx.Problem
//	@Failure		500			{object}	httpx.Problem
//	@Router			/cases/{id}/phase [post]
func (h *Handler) phase(c echo.Context) error {
	id, version, a, err := h.versioned(c)
	if err != nil {
		return err
	}
	var in MovePhaseRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	v, gate, err := h.svc.MovePhase(c.Request().Context(), a, id, version, Phase(in.To), in.Note)
	if err != nil {
		return err
	}
	out := PhaseMoveDTO{CaseDTO: h.toDTO(v), PhaseGate: PhaseGateDTO{Mode: gate.Mode, OpenPrinciples: []GatePrincipleDTO{}}}
	if out.PhaseGate.Mode == "" {
		out.PhaseGate.Mode = "warn"
	}
	for _, p := range gate.Open {
		out.PhaseGate.OpenPrinciples = append(out.PhaseGate.OpenPrinciples, GatePrincipleDTO(p))
	}
	httpx.SetETag(c, v.Version)
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, out)
}

// revealCPR godoc
//
//	@Summary		Reveal the citizen's CPR number
//	@ID			revealCaseCPR
//	@Description	Returns the full CPR number. Use only when it is needed; every reveal is recorded in the audit trail with who, when and from where.
//	@Tags			cases
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path		string	true	"Case id"	format(uuid)
//	@Success		200	{object}	CPRDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/cases/{id}/cpr [get]
func (h *Handler) revealCPR(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	cpr, err := h.svc.RevealCPR(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, CPRDTO{CPR: cpr[:6] + "-" + cpr[6:]})
}

// caseActor is the actor of a case-content request (see actor.CaseWorkerFrom).
func caseActor(c echo.Context) (actor.Actor, error) {
	return actor.CaseWorkerFrom(c.Request().Context())
}
