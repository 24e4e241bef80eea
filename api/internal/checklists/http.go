package checklists

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Handler serves the principles, the case checklists and the leader's
// principle overview.
type Handler struct{ svc *Service }

// NewHandler returns the checklists HTTP handler.
func NewHandler(s *Service) *Handler { return &Handler{svc: s} }

// Register mounts the routes on the authenticated /api/v1 group.
func (h *Handler) Register(g *echo.Group) {
	g.GET("/principles", h.principles)
	g.POST("/principles", h.publish)
	g.GET("/principles/versions", h.versions)
	g.GET("/cases/:case_id/checklists", h.list)
	g.GET("/cases/:case_id/checklists/:id", h.get)
	g.PATCH("/cases/:case_id/checklists/:id", h.answer)
	g.GET("/insights/principles", h.insights)
	g.GET("/insights/principles/cases", h.insightCases)
}

func respond(c echo.Context, cl Checklist) error {
	httpx.SetETag(c, cl.Version)
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, toChecklistDTO(cl))
}

// principles godoc
//
//	@Summary		Read the eight principles
//	@ID			getPrinciples
//	@Description	The eight principles of recovery-oriented rehabilitation: exact Danish titles, English titles, a short description and reflection questions in both languages, and the phases where each plays a special role (core) or an implied or uncertain one (optional). Without `version`, the set in force, which new checklists use; with it, that published version, as a checklist created with it shows it.
//	@Tags			principles
//	@Produce		json
//	@Security		BearerAuth
//	@Param			version	query		string	false	"A published version"	maxlength(50)
//	@Success		200		{object}	PrincipleSetDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/principles [get]
func (h *Handler) principles(c echo.Context) error {
	q := httpx.NewQuery(c)
	version := q.String("version", 50)
	if err := q.Err(); err != nil {
		return err
	}
	s, err := h.svc.Principles(c.Request().Context(), version)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toSetDTO(s))
}

// versions godoc
//
//	@Summary		List the published versions of the principles
//	@ID			listPrincipleVersions
//	@Description	Newest first. The first one is in force.
//	@Tags			principles
//	@Produce		json
//	@Security		BearerAuth
//	@Success		200	{object}	PrincipleVersionsDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/principles/versions [get]
func (h *Handler) versions(c echo.Context) error {
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	list, err := h.svc.Versions(c.Request().Context())
	if err != nil {
		return err
	}
	out := PrincipleVersionsDTO{Items: make([]PrincipleVersionDTO, len(list))}
	for i, s := range list {
		out.Items[i] = PrincipleVersionDTO{Version: s.Version, Note: s.Note, PublishedAt: ts(s.PublishedAt),
			PublishedByName: s.PublishedByName, InForce: i == 0}
	}
	return c.JSON(http.StatusOK, out)
}

// publish godoc
//
//	@Summary		Publish a revised set of principles
//	@ID			publishPrinciples
//	@Description	Administrators only. Stores the eight principles with revised texts or phase mapping under a new version name; new checklists use it from then on, and existing checklists keep the version they were created with. Published versions never change. Audited.
//	@Tags			principles
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			body	body		PublishPrinciplesRequest	true	"The whole set"
//	@Success		201		{object}	PrincipleSetDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		409		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/principles [post]
func (h *Handler) publish(c echo.Context) error {
	a := actor.MustFrom(c.Request().Context())
	if a.Role != actor.RoleAdmin {
		return errs.New(errs.Forbidden, "Only administrators publish principle sets.")
	}
	var in PublishPrinciplesRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	s, err := h.svc.Publish(c.Request().Context(), a, fromSetRequest(in))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toSetDTO(s))
}

// list godoc
//
//	@Summary		List the checklists of a case
//	@ID			listChecklists
//	@Description	Every checklist of the case, newest first; the one of the phase the case is in has current=true. For an open case that checklist is created on first view with the principle set in force, so nobody has to start it. Audited.
//	@Tags			checklists
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path		string	true	"Case id"	format(uuid)
//	@Success		200		{object}	ChecklistListDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/cases/{case_id}/checklists [get]
func (h *Handler) list(c echo.Context) error {
	caseID, err := httpx.PathUUID(c, "case_id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	list, err := h.svc.List(c.Request().Context(), a, caseID)
	if err != nil {
		return err
	}
	out := ChecklistListDTO{Items: make([]ChecklistDTO, len(list))}
	for i, cl := range list {
		out.Items[i] = toChecklistDTO(cl)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, out)
}

// get godoc
//
//	@Summary		Read a checklist
//	@ID			getChecklist
//	@Description	One checklist of the case with its items worded as in the checklist's principle version. A checklist of another case answers 404. Audited.
//	@Tags			checklists
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path		string	true	"Case id"		format(uuid)
//	@Param			id		path		string	true	"Checklist id"	format(uuid)
//	@Success		200		{object}	ChecklistDTO
//	@Header			200		{string}	ETag	"Version of the checklist"
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/cases/{case_id}/checklists/{id} [get]
func (h *Handler) get(c echo.Context) error {
	caseID, err := httpx.PathUUID(c, "case_id")
	if err != nil {
		return err
	}
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	cl, err := h.svc.Get(c.Request().Context(), a, caseID, id)
	if err != nil {
		return err
	}
	return respond(c, cl)
}

// answer godoc
//
//	@Summary		Answer principles in a checklist
//	@ID			answerChecklist
//	@Description	Sets the status of one or more principles: applied, partly applied, not applied or not relevant now (or back to open). A note says how it was done; for not applied and not relevant now it is required and says why. Items whose answer changes record who and when. Needs If-Match. Audited (principles and statuses, never the notes).
//	@Tags			checklists
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id		path		string					true	"Case id"		format(uuid)
//	@Param			id			path		string					true	"Checklist id"	format(uuid)
//	@Param			If-Match	header		string					true	"ETag from the last read"	maxlength(100)
//	@Param			body		body		AnswerChecklistRequest	true	"Answers"
//	@Success		200			{object}	ChecklistDTO
//	@Header			200			{string}	ETag	"New version of the checklist"
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
//	@Router			/cases/{case_id}/checklists/{id} [patch]
func (h *Handler) answer(c echo.Context) error {
	caseID, err := httpx.PathUUID(c, "case_id")
	if err != nil {
		return err
	}
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	version, err := httpx.IfMatch(c)
	if err != nil {
		return err
	}
	var in AnswerChecklistRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	changes := make([]ItemChange, len(in.Items))
	for i, it := range in.Items {
		changes[i] = ItemChange(it)
	}
	cl, err := h.svc.Answer(c.Request().Context(), a, caseID, id, version, changes)
	if err != nil {
		return err
	}
	return respond(c, cl)
}

// period reads from/to as dates, defaulting to the last 90 days.
func (h *Handler) period(q *httpx.Query) InsightFilter {
	f := InsightFilter{TeamID: q.UUID("team_id")}
	f.From, f.To = q.Period(h.svc.DefaultPeriod())
	return f
}

// insights godoc
//
//	@Summary		Principle × phase overview for a leader
//	@ID			getPrincipleInsights
//	@Description	For the leader's teams (or one of them) and a period (default: the last 90 days), every principle × phase cell: how many checklists last worked on in the period had the principle as relevant in that phase, how their items were answered, and the shares. Cells with fewer than min_checklists checklists are marked too_few and carry no shares. Leaders only. Audited.
//	@Tags			insights
//	@Produce		json
//	@Security		BearerAuth
//	@Param			team_id	query		string	false	"One of your teams"	format(uuid)
//	@Param			from	query		string	false	"First day (YYYY-MM-DD)"	format(date)
//	@Param			to		query		string	false	"Last day (YYYY-MM-DD)"	format(date)
//	@Success		200		{object}	InsightDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/insights/principles [get]
func (h *Handler) insights(c echo.Context) error {
	q := httpx.NewQuery(c)
	f := h.period(q)
	if err := q.Err(); err != nil {
		return err
	}
	in, err := h.svc.Insights(c.Request().Context(), actor.MustFrom(c.Request().Context()), f)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, toInsightDTO(in))
}

// insightCases godoc
//
//	@Summary		The cases behind a cell of the principle overview
//	@ID			listPrincipleInsightCases
//	@Description	The checklists counted in one principle × phase cell, optionally only those with one answer, most recently worked on first, each with its case. Same scope and period as the overview. Leaders only. Every case listed is recorded in the audit trail.
//	@Tags			insights
//	@Produce		json
//	@Security		BearerAuth
//	@Param			principle	query		string	true	"Principle code"	Enums(P1_HOPES, P2_RESOURCES, P3_NETWORK, P4_OPENNESS, P5_EARLY, P6_COORDINATED, P7_FOLLOW_UP, P8_KNOWLEDGE)
//	@Param			phase		query		string	true	"Phase"	Enums(sagsaabning, sagsoplysning, sagsvurdering, afgoerelse, bestilling, opfoelgning)
//	@Param			status		query		string	false	"Only items with this answer"	Enums(open, applied, partly_applied, not_applied, not_relevant_now)
//	@Param			team_id		query		string	false	"One of your teams"	format(uuid)
//	@Param			from		query		string	false	"First day (YYYY-MM-DD)"	format(date)
//	@Param			to			query		string	false	"Last day (YYYY-MM-DD)"	format(date)
//	@Param			limit		query		int		false	"Page size (default 50)"	minimum(1)	maximum(200)
//	@Param			cursor		query		string	false	"next_cursor of the previous page"	maxlength(1000)
//	@Success		200			{object}	InsightCasesDTO
//	@Failure		400			{object}	httpx.Problem
//	@Failure		401			{object}	httpx.Problem
//	@Failure		403			{object}	httpx.Problem
//	@Failure		404			{object}	httpx.Problem
//	@Failure		422			{object}	httpx.Problem
//	@Failure		429			{object}	httpx.Problem
//	@Failure		500			{object}	httpx.Problem
//	@Router			/insights/principles/cases [get]
func (h *Handler) insightCases(c echo.Context) error {
	q := httpx.NewQuery(c)
	f := CaseFilter{InsightFilter: h.period(q)}
	f.Principle = q.Enum("principle", Codes...)
	f.Phase = cases.Phase(q.Enum("phase", phaseStrings(cases.Phases)...))
	f.Status = q.Enum("status", statusNames()...)
	f.Limit = q.Int("limit", 50, 1, 200)
	f.Cursor = q.String("cursor", 1000)
	if f.Principle == "" {
		q.Require("principle")
	}
	if f.Phase == "" {
		q.Require("phase")
	}
	if err := q.Err(); err != nil {
		return err
	}
	p, err := h.svc.InsightCases(c.Request().Context(), actor.MustFrom(c.Request().Context()), f)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, toInsightCasesDTO(p))
}

// caseActor is the actor of a case-content request (see actor.CaseWorkerFrom).
func caseActor(c echo.Context) (actor.Actor, error) {
	return actor.CaseWorkerFrom(c.Request().Context())
}
