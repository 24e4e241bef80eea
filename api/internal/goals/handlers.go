package goals

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// list godoc
//
//	@Summary		List the goals of a case
//	@ID			listGoals
//	@Description	Main goals and sub-goals (with parent_id), each with the server’s SMART check and a progress summary per rater, and the case’s GAS T-score. Audited.
//	@Tags			goals
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path	string	true	"Case id"	format(uuid)
//	@Success		200	{object}	GoalListDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/cases/{case_id}/goals [get]
func (h *Handler) list(c echo.Context) error {
	id, err := httpx.PathUUID(c, "case_id")
	if err != nil {
		return err
	}
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	a, err := goalActor(c)
	if err != nil {
		return err
	}
	res, err := h.svc.List(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	out := GoalListDTO{Items: make([]GoalDTO, len(res.Goals))}
	for i, g := range res.Goals {
		out.Items[i] = toDTO(g)
	}
	if res.GASScore != nil {
		out.GAS = &GASDTO{TScore: *res.GASScore, GoalsCounted: int32(res.GASGoalCount)}
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, out)
}

// create godoc
//
//	@Summary		Add a goal
//	@ID			createGoal
//	@Description	Adds a draft goal (or, with parent_id, a sub-goal) to an open case. Make it active with POST /goals/{id}/status once the SMART check is met.
//	@Tags			goals
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path	string	true	"Case id"	format(uuid)
//	@Param			body	body	GoalInput	true	"Body"
//	@Success		201	{object}	GoalDTO
//	@Header			201	{string}	ETag	"Version of the goal"
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		409	{object}	httpx.Problem
//	@Failure		413	{object}	httpx.Problem
//	@Failure		415	{object}	httpx.Problem
//	@Failure		422	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/cases/{case_id}/goals [post]
func (h *Handler) create(c echo.Context) error {
	id, err := httpx.PathUUID(c, "case_id")
	if err != nil {
		return err
	}
	a, err := goalActor(c)
	if err != nil {
		return err
	}
	var in GoalInput
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	g, err := h.svc.Create(c.Request().Context(), a, id, fromInput(in))
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/goals/"+g.ID.String())
	return h.respond(c, http.StatusCreated, g)
}

// check godoc
//
//	@Summary		Check a goal against SMART without saving
//	@ID			checkGoal
//	@Description	Runs the server’s SMART check on unsaved fields, for a guided form that shows the check as the user types. Stores nothing.
//	@Tags			goals
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path	string	true	"Case id"	format(uuid)
//	@Param			body	body	GoalInput	true	"Body"
//	@Success		200	{object}	SmartDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		413	{object}	httpx.Problem
//	@Failure		415	{object}	httpx.Problem
//	@Failure		422	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/cases/{case_id}/goals/check [post]
func (h *Handler) check(c echo.Context) error {
	id, err := httpx.PathUUID(c, "case_id")
	if err != nil {
		return err
	}
	a, err := goalActor(c)
	if err != nil {
		return err
	}
	var in GoalInput
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	cs, err := h.svc.CheckDraft(c.Request().Context(), a, id, fromInput(in))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toSmart(cs))
}

// get godoc
//
//	@Summary		Get a goal
//	@ID			getGoal
//	@Description	The goal with its SMART check, progress summary and status history. Audited.
//	@Tags			goals
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path	string	true	"Goal id"	format(uuid)
//	@Success		200	{object}	GoalDTO
//	@Header			200	{string}	ETag	"Version of the goal"
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/goals/{id} [get]
func (h *Handler) get(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	a, err := goalActor(c)
	if err != nil {
		return err
	}
	g, err := h.svc.Get(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	return h.respond(c, http.StatusOK, g)
}

// update godoc
//
//	@Summary		Change a goal
//	@ID			updateGoal
//	@Description	Partial update of a draft or in-progress goal; a goal being worked on must stay SMART (422 otherwise). Needs If-Match.
//	@Tags			goals
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path	string	true	"Goal id"	format(uuid)
//	@Param			If-Match	header	string	true	"ETag from the last read"	maxlength(100)
//	@Param			body	body	UpdateGoalRequest	true	"Body"
//	@Success		200	{object}	GoalDTO
//	@Header			200	{string}	ETag	"Version of the goal"
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		409	{object}	httpx.Problem
//	@Failure		413	{object}	httpx.Problem
//	@Failure		415	{object}	httpx.Problem
//	@Failure		422	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Failure		412	{object}	httpx.Problem
//	@Failure		428	{object}	httpx.Problem
//	@Router			/goals/{id} [patch]
func (h *Handler) update(c echo.Context) error {
	id, version, a, err := versioned(c)
	if err != nil {
		return err
	}
	var in UpdateGoalRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	g, err := h.svc.Update(c.Request().Context(), a, id, version, fromUpdate(in))
	if err != nil {
		return err
	}
	return h.respond(c, http.StatusOK, g)
}

// status godoc
//
//	@Summary		Change a goal’s status
//	@ID			changeGoalStatus
//	@Description	Moves a goal along the allowed paths (draft to active; active to achieved, adjusted or discontinued; finished goals can be resumed) with a reason. Becoming active needs every SMART criterion met and a target date that has not passed (422 with field errors). Becoming achieved needs the next step: a new goal, adjusted support, or an end agreed with the citizen. Nothing closes automatically. Needs If-Match.
//	@Tags			goals
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path	string	true	"Goal id"	format(uuid)
//	@Param			If-Match	header	string	true	"ETag from the last read"	maxlength(100)
//	@Param			body	body	GoalStatusRequest	true	"Body"
//	@Success		200	{object}	GoalDTO
//	@Header			200	{string}	ETag	"Version of the goal"
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		409	{object}	httpx.Problem
//	@Failure		413	{object}	httpx.Problem
//	@Failure		415	{object}	httpx.Problem
//	@Failure		422	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Failure		412	{object}	httpx.Problem
//	@Failure		428	{object}	httpx.Problem
//	@Router			/goals/{id}/status [post]
func (h *Handler) status(c echo.Context) error {
	id, version, a, err := versioned(c)
	if err != nil {
		return err
	}
	var in GoalStatusRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	sc := StatusChangeInput{To: Status(in.Status), Reason: in.Reason}
	if in.NextStep != nil {
		sc.NextStepKind, sc.NextStepNote = in.NextStep.Kind, in.NextStep.Note
	}
	g, err := h.svc.ChangeStatus(c.Request().Context(), a, id, version, sc)
	if err != nil {
		return err
	}
	return h.respond(c, http.StatusOK, g)
}

// listProgress godoc
//
//	@Summary		List a goal’s progress
//	@ID			listProgress
//	@Description	Measurements on the 1–10 scale, oldest first, and per rater the first, latest and change since the first. Audited.
//	@Tags			goals
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path	string	true	"Goal id"	format(uuid)
//	@Success		200	{object}	ProgressSeriesDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/goals/{id}/progress [get]
func (h *Handler) listProgress(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	a, err := goalActor(c)
	if err != nil {
		return err
	}
	s, err := h.svc.ListProgress(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	out := ProgressSeriesDTO{Items: make([]ProgressDTO, len(s.Items)), Summary: toSummary(s.Summary)}
	for i, p := range s.Items {
		out.Items[i] = toProgressDTO(p)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, out)
}

// addProgress godoc
//
//	@Summary		Record progress
//	@ID			addProgress
//	@Description	One dated measurement on the 1–10 scale, from the citizen, the caseworker or the provider, with a note.
//	@Tags			goals
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path	string	true	"Goal id"	format(uuid)
//	@Param			body	body	ProgressRequest	true	"Body"
//	@Success		201	{object}	ProgressDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		409	{object}	httpx.Problem
//	@Failure		413	{object}	httpx.Problem
//	@Failure		415	{object}	httpx.Problem
//	@Failure		422	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/goals/{id}/progress [post]
func (h *Handler) addProgress(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := goalActor(c)
	if err != nil {
		return err
	}
	var in ProgressRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	p, err := h.svc.AddProgress(c.Request().Context(), a, id, ProgressInput{MeasuredOn: in.MeasuredOn, Rater: in.Rater,
		Value: int(in.Value), Note: in.Note})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toProgressDTO(p))
}

// listFollowUps godoc
//
//	@Summary		List follow-up reviews
//	@ID			listFollowUps
//	@Description	A case’s follow-up reviews, newest first. Audited.
//	@Tags			goals
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path	string	true	"Case id"	format(uuid)
//	@Success		200	{object}	FollowUpListDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/cases/{case_id}/follow-ups [get]
func (h *Handler) listFollowUps(c echo.Context) error {
	id, err := httpx.PathUUID(c, "case_id")
	if err != nil {
		return err
	}
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	a, err := goalActor(c)
	if err != nil {
		return err
	}
	fs, err := h.svc.ListFollowUps(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	out := FollowUpListDTO{Items: make([]FollowUpDTO, len(fs))}
	for i, f := range fs {
		out.Items[i] = toFollowUpDTO(f)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, out)
}

// createFollowUp godoc
//
//	@Summary		Record a follow-up review
//	@ID			createFollowUp
//	@Description	For every goal being worked on: today’s measurements, whether it is kept, adjusted or ended, and the date of the next follow-up, which becomes the case’s next follow-up date. Every goal being worked on must be reviewed.
//	@Tags			goals
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path	string	true	"Case id"	format(uuid)
//	@Param			body	body	FollowUpRequest	true	"Body"
//	@Success		201	{object}	FollowUpDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		409	{object}	httpx.Problem
//	@Failure		413	{object}	httpx.Problem
//	@Failure		415	{object}	httpx.Problem
//	@Failure		422	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/cases/{case_id}/follow-ups [post]
func (h *Handler) createFollowUp(c echo.Context) error {
	id, err := httpx.PathUUID(c, "case_id")
	if err != nil {
		return err
	}
	a, err := goalActor(c)
	if err != nil {
		return err
	}
	var in FollowUpRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	items := make([]ReviewedGoal, len(in.Items))
	for i, it := range in.Items {
		items[i] = ReviewedGoal{GoalID: it.GoalID, CitizenValue: ints(it.CitizenValue), CaseworkerValue: ints(it.CaseworkerValue),
			GASLevel: ints(it.GASLevel), Decision: it.Decision, EndStatus: it.EndStatus, Reason: it.Reason,
			NextStepKind: it.NextStepKind, NextStepNote: it.NextStepNote}
	}
	f, err := h.svc.CreateFollowUp(c.Request().Context(), a, id, FollowUpInput{HeldOn: in.HeldOn,
		NextFollowUpDate: in.NextFollowUpDate, Note: in.Note, Items: items})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toFollowUpDTO(f))
}

// plan godoc
//
//	@Summary		The citizen’s plan (Min plan)
//	@ID			getPlan
//	@Description	The citizen’s own plan in plain words: dreams, goals being worked on with next steps and who helps, what has been reached, when we meet next and how we keep in touch. No CPR number. Audited.
//	@Tags			goals
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path	string	true	"Case id"	format(uuid)
//	@Success		200	{object}	PlanDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/cases/{case_id}/plan [get]
func (h *Handler) plan(c echo.Context) error {
	id, err := httpx.PathUUID(c, "case_id")
	if err != nil {
		return err
	}
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	a, err := goalActor(c)
	if err != nil {
		return err
	}
	p, err := h.svc.Plan(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	ca := p.ContactAgreement
	out := PlanDTO{CitizenName: p.CitizenName, CaseworkerName: p.CaseworkerName, Dreams: []string{}, Goals: []PlanGoalDTO{},
		Reached: []PlanGoalDTO{}, NextMeeting: date(p.NextFollowUp), Agreements: nonNil(p.Agreements),
		Contact: PlanContactDTO{MeetingFormats: nonNil(ca.MeetingFormats), MeetingPlaces: nonNil(ca.MeetingPlaces),
			TimesOfDay: nonNil(ca.TimesOfDay), TimeNotes: ca.TimeNotes, Media: nonNil(ca.Media), PreferredFrequency: ca.PreferredFrequency}}
	for _, d := range p.Dreams {
		out.Dreams = append(out.Dreams, d.Text)
	}
	for _, g := range p.Goals {
		out.Goals = append(out.Goals, toPlanGoal(g))
	}
	for _, g := range p.Reached {
		out.Reached = append(out.Reached, toPlanGoal(g))
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, out)
}
