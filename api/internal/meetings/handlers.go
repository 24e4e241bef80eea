package meetings

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// list godoc
//
//	@Summary		List the meetings of a case
//	@ID			listMeetings
//	@Description	Every meeting of the case, planned, held or cancelled, newest first: the meetings on the case's timeline. Audited.
//	@Tags			meetings
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path		string	true	"Case id"	format(uuid)
//	@Success		200		{object}	MeetingListDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/cases/{case_id}/meetings [get]
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
	out := MeetingListDTO{Items: make([]MeetingDTO, len(list))}
	for i, m := range list {
		out.Items[i] = toDTO(m)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, out)
}

// create godoc
//
//	@Summary		Add a meeting
//	@ID			createMeeting
//	@Description	Adds a meeting to an open case: when (RFC 3339, in the past or the future), the form, place, participants, whether the agenda was sent beforehand, the agenda, a short summary and the agreements made. It is planned unless status says otherwise; held needs a meeting that has started. Audited.
//	@Tags			meetings
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path		string			true	"Case id"	format(uuid)
//	@Param			body	body		MeetingRequest	true	"The meeting"
//	@Success		201		{object}	MeetingDTO
//	@Header			201		{string}	ETag		"Version of the meeting"
//	@Header			201		{string}	Location	"Address of the meeting"
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		409		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/cases/{case_id}/meetings [post]
func (h *Handler) create(c echo.Context) error {
	caseID, err := httpx.PathUUID(c, "case_id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	var in MeetingRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	m, err := h.svc.Create(c.Request().Context(), a, caseID, fromRequest(in))
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/meetings/"+m.ID.String())
	return respond(c, http.StatusCreated, m)
}

// get godoc
//
//	@Summary		Read a meeting
//	@ID			getMeeting
//	@Description	One meeting with its participants, agenda (the citizen's topics marked added_by citizen), summary and agreements. A meeting of another team's case answers 404 like a missing one. Audited.
//	@Tags			meetings
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path		string	true	"Meeting id"	format(uuid)
//	@Success		200	{object}	MeetingDTO
//	@Header			200	{string}	ETag	"Version of the meeting"
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/meetings/{id} [get]
func (h *Handler) get(c echo.Context) error {
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
	m, err := h.svc.Get(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, m)
}

// update godoc
//
//	@Summary		Change a meeting
//	@ID			updateMeeting
//	@Description	Partial update of a meeting of an open case; lists (participants, agenda, agreements) are replaced whole, and items to keep are sent back with their ids. Marking the meeting held or cancelled is a change of status; held needs a meeting that has started. Needs If-Match. Audited (field names and statuses, never the texts).
//	@Tags			meetings
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id			path		string			true	"Meeting id"	format(uuid)
//	@Param			If-Match	header		string			true	"ETag from the last read"	maxlength(100)
//	@Param			body		body		MeetingChange	true	"The fields to change"
//	@Success		200			{object}	MeetingDTO
//	@Header			200			{string}	ETag	"New version of the meeting"
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
//	@Router			/meetings/{id} [patch]
func (h *Handler) update(c echo.Context) error {
	id, version, a, err := versioned(c)
	if err != nil {
		return err
	}
	var in MeetingChange
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	m, err := h.svc.Update(c.Request().Context(), a, id, version, fromChange(in))
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, m)
}

// contact godoc
//
//	@Summary		Contact against the contact agreement
//	@ID			getContactStatus
//	@Description	The case's actual contact against its contact agreement: the agreed frequency and its interval in days, the last held meeting, days since contact (from the last held meeting, else from the day the agreement was made, else from the day the case was opened), the date the next meeting is due, and whether contact is on track or overdue; no_agreement when no frequency (or as needed) is agreed. Also held meetings of the last 90 days per form, and the forms used that the agreement does not cover. Only held meetings count. Audited.
//	@Tags			meetings
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path		string	true	"Case id"	format(uuid)
//	@Success		200		{object}	ContactStatusDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/cases/{case_id}/contact [get]
func (h *Handler) contact(c echo.Context) error {
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
	ct, err := h.svc.Contact(c.Request().Context(), a, caseID)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, toContactDTO(ct))
}
