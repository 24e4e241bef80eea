package feedback

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Handler serves FIT scores, the feedback questions and links, signals,
// the case's reading, the wording and the leader's figures.
type Handler struct {
	svc *Service
	// public guards the links citizens open without an account.
	public echo.MiddlewareFunc
}

// NewHandler returns the feedback HTTP handler; public is the rate limit for
// the unauthenticated link routes.
func NewHandler(s *Service, public echo.MiddlewareFunc) *Handler {
	return &Handler{svc: s, public: public}
}

// Register mounts the routes on the authenticated /api/v1 group.
func (h *Handler) Register(g *echo.Group) {
	g.GET("/meetings/:id/ors", h.listORS)
	g.POST("/meetings/:id/ors", h.recordORS)
	g.PATCH("/meetings/:id/ors", h.correctORS)
	g.GET("/meetings/:id/srs", h.listSRS)
	g.POST("/meetings/:id/srs", h.recordSRS)
	g.PATCH("/meetings/:id/srs", h.correctSRS)
	g.POST("/meetings/:id/questions", h.answers)
	g.GET("/meetings/:id/feedback", h.meetingFeedback)
	g.POST("/meetings/:id/feedback-links", h.createLink)
	g.GET("/cases/:case_id/fit", h.reading)
	g.GET("/cases/:case_id/signals", h.caseSignals)
	g.GET("/signals", h.openSignals)
	g.POST("/signals/:id/response", h.respond)
	g.GET("/fit/wording", h.wording)
	g.PUT("/fit/wording", h.setWording)
	g.GET("/insights/fit", h.insights)
}

// RegisterPublic mounts the citizen's link routes, which need no account.
func (h *Handler) RegisterPublic(g *echo.Group) {
	p := g.Group("/public/feedback", h.public)
	p.POST("/open", h.openLink)
	p.POST("/ors", h.submitORS)
	p.POST("/srs", h.submitSRS)
	p.POST("/questions", h.submitAnswers)
	p.POST("/topics", h.submitTopics)
}

func noStore(c echo.Context) { c.Response().Header().Set("Cache-Control", "no-store") }

func (h *Handler) scores(c echo.Context, scale Scale) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	list, err := h.svc.Scores(c.Request().Context(), a, id, scale)
	if err != nil {
		return err
	}
	noStore(c)
	return c.JSON(http.StatusOK, ScoreListDTO{Items: h.svc.scoreDTOs(list)})
}

// scoreRequest reads what recording or correcting a score needs: the
// meeting and the actor, refused before the body is read, then the body.
func scoreRequest(c echo.Context, body any) (uuid.UUID, actor.Actor, error) {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return uuid.Nil, actor.Actor{}, err
	}
	a, err := caseActor(c)
	if err != nil {
		return uuid.Nil, actor.Actor{}, err
	}
	return id, a, httpx.BindJSON(c, body)
}

func (h *Handler) record(c echo.Context, a actor.Actor, id uuid.UUID, scale Scale, in ScoreInput) error {
	sc, err := h.svc.Record(c.Request().Context(), a, id, scale, in)
	if err != nil {
		return err
	}
	httpx.SetETag(c, sc.Version)
	return c.JSON(http.StatusCreated, h.svc.scoreDTO(sc))
}

func (h *Handler) correct(c echo.Context, a actor.Actor, id uuid.UUID, scale Scale, in ScoreInput) error {
	version, err := httpx.IfMatch(c)
	if err != nil {
		return err
	}
	sc, err := h.svc.Correct(c.Request().Context(), a, id, scale, version, in)
	if err != nil {
		return err
	}
	httpx.SetETag(c, sc.Version)
	return c.JSON(http.StatusOK, h.svc.scoreDTO(sc))
}

// listORS godoc
//
//	@Summary		List a meeting's ORS
//	@ID			listORS
//	@Description	The Outcome Rating Scale ratings of the meeting (one per rater), each with its items, the server's total and its corrections. Audited.
//	@Tags			feedback
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path		string	true	"Meeting id"	format(uuid)
//	@Success		200	{object}	ScoreListDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/meetings/{id}/ors [get]
func (h *Handler) listORS(c echo.Context) error { return h.scores(c, ORS) }

// listSRS godoc
//
//	@Summary		List a meeting's SRS
//	@ID			listSRS
//	@Description	The Session Rating Scale ratings of the meeting, each with its alliance reading (total below 36 or an item below 9). Audited.
//	@Tags			feedback
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path		string	true	"Meeting id"	format(uuid)
//	@Success		200	{object}	ScoreListDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/meetings/{id}/srs [get]
func (h *Handler) listSRS(c echo.Context) error { return h.scores(c, SRS) }

// recordORS godoc
//
//	@Summary		Record an ORS
//	@ID			recordORS
//	@Description	The caseworker enters the Outcome Rating Scale on the citizen's behalf (or a relative's or provider's, flagged as collateral). Each item 0.0–10.0 with one decimal; the total is computed. One per rater and meeting: a second is 409, correct it instead. A reliable deterioration of the citizen's ORS raises a signal. Audited.
//	@Tags			feedback
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id		path		string		true	"Meeting id"	format(uuid)
//	@Param			body	body		ORSRequest	true	"The rating"
//	@Success		201		{object}	ScoreDTO
//	@Header			201		{string}	ETag	"Version of the score"
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
//	@Router			/meetings/{id}/ors [post]
func (h *Handler) recordORS(c echo.Context) error {
	var in ORSRequest
	id, a, err := scoreRequest(c, &in)
	if err != nil {
		return err
	}
	return h.record(c, a, id, ORS, ScoreInput{Rater: in.Rater, Items: in.Items.raw()})
}

// recordSRS godoc
//
//	@Summary		Record an SRS
//	@ID			recordSRS
//	@Description	The caseworker enters the Session Rating Scale. An SRS total below 36 or any item below 9 raises an alliance signal for the caseworker to answer. Audited.
//	@Tags			feedback
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id		path		string		true	"Meeting id"	format(uuid)
//	@Param			body	body		SRSRequest	true	"The rating"
//	@Success		201		{object}	ScoreDTO
//	@Header			201		{string}	ETag	"Version of the score"
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
//	@Router			/meetings/{id}/srs [post]
func (h *Handler) recordSRS(c echo.Context) error {
	var in SRSRequest
	id, a, err := scoreRequest(c, &in)
	if err != nil {
		return err
	}
	return h.record(c, a, id, SRS, ScoreInput{Rater: in.Rater, Items: in.Items.raw()})
}

// correctORS godoc
//
//	@Summary		Correct an ORS
//	@ID			correctORS
//	@Description	Corrects the rater's ORS of the meeting. The reason is required; the earlier values stay in the score's corrections. Needs If-Match with the score's version. Audited.
//	@Tags			feedback
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id			path		string			true	"Meeting id"	format(uuid)
//	@Param			If-Match	header		string			true	"ETag of the score"	maxlength(100)
//	@Param			body		body		ORSCorrection	true	"New values and why"
//	@Success		200			{object}	ScoreDTO
//	@Header			200			{string}	ETag	"New version of the score"
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
//	@Router			/meetings/{id}/ors [patch]
func (h *Handler) correctORS(c echo.Context) error {
	var in ORSCorrection
	id, a, err := scoreRequest(c, &in)
	if err != nil {
		return err
	}
	return h.correct(c, a, id, ORS, ScoreInput{Rater: in.Rater, Items: in.Items.raw(), Reason: in.Reason})
}

// correctSRS godoc
//
//	@Summary		Correct an SRS
//	@ID			correctSRS
//	@Description	Corrects the rater's SRS of the meeting, with a required reason; the earlier values are kept. Needs If-Match. Audited.
//	@Tags			feedback
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id			path		string			true	"Meeting id"	format(uuid)
//	@Param			If-Match	header		string			true	"ETag of the score"	maxlength(100)
//	@Param			body		body		SRSCorrection	true	"New values and why"
//	@Success		200			{object}	ScoreDTO
//	@Header			200			{string}	ETag	"New version of the score"
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
//	@Router			/meetings/{id}/srs [patch]
func (h *Handler) correctSRS(c echo.Context) error {
	var in SRSCorrection
	id, a, err := scoreRequest(c, &in)
	if err != nil {
		return err
	}
	return h.correct(c, a, id, SRS, ScoreInput{Rater: in.Rater, Items: in.Items.raw(), Reason: in.Reason})
}

// answers godoc
//
//	@Summary		Answer the three feedback questions
//	@ID			answerFeedbackQuestions
//	@Description	The model's lighter alternative to the scales, entered with the citizen. A "no" to the first question or anything to change next time raises a signal. Once per meeting. Audited.
//	@Tags			feedback
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id		path	string			true	"Meeting id"	format(uuid)
//	@Param			body	body	AnswersRequest	true	"Answers"
//	@Success		204
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
//	@Router			/meetings/{id}/questions [post]
func (h *Handler) answers(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	var in AnswersRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	if err := h.svc.RecordAnswers(c.Request().Context(), a, id, AnswersInput(in)); err != nil {
		return err
	}
	return httpx.NoContent(c)
}

// meetingFeedback godoc
//
//	@Summary		A meeting's feedback
//	@ID			getMeetingFeedback
//	@Description	ORS, SRS, answers and signals of the meeting, and the previous meeting's signals with what was done about them ("you said — we did"), to open this meeting with. Audited.
//	@Tags			feedback
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path		string	true	"Meeting id"	format(uuid)
//	@Success		200	{object}	MeetingFeedbackDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/meetings/{id}/feedback [get]
func (h *Handler) meetingFeedback(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	mf, err := h.svc.ForMeeting(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	out := MeetingFeedbackDTO{MeetingID: mf.MeetingID, ORS: h.svc.scoreDTOs(mf.ORS), SRS: h.svc.scoreDTOs(mf.SRS),
		Signals: signalDTOs(mf.Signals), FromLastMeeting: signalDTOs(mf.FromLastMeeting)}
	if mf.Answers != nil {
		out.Answers = &AnswersDTO{MeetingOK: mf.Answers.MeetingOK, TalkedAbout: mf.Answers.TalkedAbout,
			DifferentNextTime: mf.Answers.DifferentNextTime, EnteredBy: string(mf.Answers.EnteredBy), RecordedAt: ts(mf.Answers.RecordedAt)}
	}
	noStore(c)
	return c.JSON(http.StatusOK, out)
}

// createLink godoc
//
//	@Summary		Create a feedback link for the citizen's phone
//	@ID			createFeedbackLink
//	@Description	A one-time link (show it as a QR code) for the ORS, the SRS, the three questions and/or topics for the agenda. It needs no account, shows only the citizen's first name and the meeting date, expires (default 24 hours), and each part can be answered once. The token is shown only in this answer; the server keeps its hash. Audited.
//	@Tags			feedback
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id		path		string		true	"Meeting id"	format(uuid)
//	@Param			body	body		LinkRequest	true	"Parts and lifetime"
//	@Success		201		{object}	LinkDTO
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
//	@Router			/meetings/{id}/feedback-links [post]
func (h *Handler) createLink(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	var in LinkRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	ttl := DefaultLinkTTL
	if in.ExpiresInHours != 0 {
		ttl = time.Duration(in.ExpiresInHours) * time.Hour
	}
	l, err := h.svc.CreateLink(c.Request().Context(), a, id, in.Parts, ttl)
	if err != nil {
		return err
	}
	noStore(c)
	return c.JSON(http.StatusCreated, LinkDTO{ID: l.ID, Token: l.Token, URL: l.URL, Parts: l.Parts, ExpiresAt: ts(l.ExpiresAt)})
}

// reading godoc
//
//	@Summary		The case's FIT reading
//	@ID			getFitReading
//	@Description	The citizen's ORS series and its outcome (change from the first ORS; reliable change at 5 points or more; first and latest in the clinical range below 25; clinically significant change), collateral ORS apart, and every SRS with its alliance reading. The cut-offs are in `thresholds`. Audited.
//	@Tags			feedback
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path		string	true	"Case id"	format(uuid)
//	@Success		200		{object}	ReadingDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/cases/{case_id}/fit [get]
func (h *Handler) reading(c echo.Context) error {
	id, err := httpx.PathUUID(c, "case_id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	r, err := h.svc.Read(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	th := r.Thresholds
	out := ReadingDTO{CaseID: r.CaseID, ORS: h.svc.scoreDTOs(r.ORS), Collateral: h.svc.scoreDTOs(r.Collateral),
		Thresholds: ThresholdsDTO{ClinicalCutoff: th.ClinicalCutoff.Float(), ReliableChange: th.ReliableChange.Float(),
			AllianceTotal: th.AllianceTotal.Float(), AllianceItem: th.AllianceItem.Float()},
		Outcome: OutcomeDTO{Count: int32(r.Outcome.Count), Change: r.Outcome.Delta.Float(), Classification: string(r.Outcome.Change),
			FirstClinical: r.Outcome.FirstClinical, LatestClinical: r.Outcome.LatestClinical,
			ClinicallySignificant: r.Outcome.ClinicallySignificant}}
	if r.Outcome.Count > 0 {
		out.Outcome.First, out.Outcome.Latest = ptrF(r.Outcome.First.Float()), ptrF(r.Outcome.Latest.Float())
	}
	for _, x := range r.SRS {
		out.SRS = append(out.SRS, h.svc.scoreDTO(x.Score))
	}
	if out.SRS == nil {
		out.SRS = []ScoreDTO{}
	}
	noStore(c)
	return c.JSON(http.StatusOK, out)
}

// caseSignals godoc
//
//	@Summary		A case's feedback signals
//	@ID			listCaseSignals
//	@Description	Alliance signals, reliable deteriorations and requests for change, open ones first, with what was done. Audited.
//	@Tags			feedback
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	path		string	true	"Case id"	format(uuid)
//	@Success		200		{object}	SignalListDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/cases/{case_id}/signals [get]
func (h *Handler) caseSignals(c echo.Context) error {
	id, err := httpx.PathUUID(c, "case_id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	list, err := h.svc.CaseSignals(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	noStore(c)
	return c.JSON(http.StatusOK, SignalListDTO{Items: signalDTOs(list)})
}

// openSignals godoc
//
//	@Summary		Open feedback signals: the cases that need attention
//	@ID			listOpenSignals
//	@Description	Unanswered signals on open cases of your teams, oldest first; with mine=true only your own cases. Each case shown is audited.
//	@Tags			feedback
//	@Produce		json
//	@Security		BearerAuth
//	@Param			mine	query		bool	false	"Only cases where you are the caseworker"
//	@Success		200		{object}	SignalListDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/signals [get]
func (h *Handler) openSignals(c echo.Context) error {
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	q := httpx.NewQuery(c)
	mine := q.Bool("mine")
	if err := q.Err(); err != nil {
		return err
	}
	list, err := h.svc.OpenSignals(c.Request().Context(), a, mine != nil && *mine)
	if err != nil {
		return err
	}
	noStore(c)
	return c.JSON(http.StatusOK, SignalListDTO{Items: signalDTOs(list)})
}

// respond godoc
//
//	@Summary		Close the loop on a signal
//	@ID			respondToSignal
//	@Description	A short note of what will change. It is shown at the start of the next meeting ("you said — we did"). A signal is answered once. Audited.
//	@Tags			feedback
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id		path		string			true	"Signal id"	format(uuid)
//	@Param			body	body		RespondRequest	true	"What will change"
//	@Success		200		{object}	SignalDTO
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
//	@Router			/signals/{id}/response [post]
func (h *Handler) respond(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := caseActor(c)
	if err != nil {
		return err
	}
	var in RespondRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	g, err := h.svc.Respond(c.Request().Context(), a, id, in.Note)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, signalDTO(g))
}

// wording godoc
//
//	@Summary		The wording of the scales
//	@ID			getFitWording
//	@Description	Item labels, line ends and introductions of ORS and SRS in one language, and the three feedback questions. BIC's own short names unless the municipality has loaded its licensed wording.
//	@Tags			feedback
//	@Produce		json
//	@Security		BearerAuth
//	@Param			lang	query		string	false	"Language (default da)"	Enums(da, en)
//	@Success		200		{object}	WordingDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/fit/wording [get]
func (h *Handler) wording(c echo.Context) error {
	q := httpx.NewQuery(c)
	lang := q.Enum("lang", Langs...)
	if err := q.Err(); err != nil {
		return err
	}
	if lang == "" {
		lang = "da"
	}
	w, qs, licensed, err := h.svc.WordingOf(c.Request().Context(), lang)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, wordingDTO(lang, w, qs, licensed))
}

// setWording godoc
//
//	@Summary		Load the municipality's licensed wording
//	@ID			setFitWording
//	@Description	Administrators only. The published wording of ORS and SRS is licensed; a municipality with a licence loads it here per language, replacing BIC's own short names. Audited.
//	@Tags			feedback
//	@Accept			json
//	@Security		BearerAuth
//	@Param			body	body	WordingRequest	true	"Wording for one language"
//	@Success		204
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		413	{object}	httpx.Problem
//	@Failure		415	{object}	httpx.Problem
//	@Failure		422	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/fit/wording [put]
func (h *Handler) setWording(c echo.Context) error {
	a := actor.MustFrom(c.Request().Context())
	if a.Role != actor.RoleAdmin {
		return errs.New(errs.Forbidden, "Only administrators load the wording of the scales.")
	}
	var in WordingRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	var f errs.Fields
	var w Wording
	fill := func(field string, dst []string, src []string) {
		if len(src) != len(dst) {
			f.Add(field, "must hold exactly "+map[int]string{2: "2", 4: "4"}[len(dst)]+" texts")
			return
		}
		copy(dst, src)
	}
	fill("ors", w.ORS[:], in.ORS)
	fill("srs", w.SRS[:], in.SRS)
	fill("ors_anchor", w.ORSAnchor[:], in.ORSAnchor)
	fill("srs_anchor", w.SRSAnchor[:], in.SRSAnchor)
	w.ORSIntro, w.SRSIntro = in.ORSIntro, in.SRSIntro
	if err := f.Err(); err != nil {
		return err
	}
	if err := h.svc.SetWording(c.Request().Context(), a, in.Lang, w); err != nil {
		return err
	}
	return httpx.NoContent(c)
}

// insights godoc
//
//	@Summary		Feedback figures for a leader
//	@ID			getFitInsights
//	@Description	Per team of yours and period (default the last 90 days): the share of cases with reliable improvement, with deterioration and with no reliable change (cases with two or more of the citizen's own ORS in the period), the mean SRS, and meetings with feedback against meetings held. Figures resting on fewer than min_cases cases are withheld. Leaders only. Audited.
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
//	@Router			/insights/fit [get]
func (h *Handler) insights(c echo.Context) error {
	q := httpx.NewQuery(c)
	f := InsightFilter{TeamID: q.UUID("team_id")}
	f.From, f.To = q.Period(h.svc.DefaultPeriod())
	if err := q.Err(); err != nil {
		return err
	}
	teams, err := h.svc.Insights(c.Request().Context(), actor.MustFrom(c.Request().Context()), f)
	if err != nil {
		return err
	}
	out := InsightDTO{From: f.From.Format(time.DateOnly), To: f.To.Format(time.DateOnly), MinCases: MinCases, Teams: []TeamFiguresDTO{}}
	for _, t := range teams {
		d := TeamFiguresDTO{TeamID: t.TeamID, Cases: int32(t.Cases), TooFew: t.TooFew, MeanSRS: t.MeanSRS,
			MeetingsHeld: int32(t.MeetingsHeld), MeetingsWithFeedback: int32(t.MeetingsWithFeedback)}
		if t.TooFew {
			d.Cases = 0
		} else {
			d.Improved, d.Deteriorated, d.NoChange = share(t.Improved, t.Cases), share(t.Deteriorated, t.Cases), share(t.NoChange, t.Cases)
		}
		out.Teams = append(out.Teams, d)
	}
	noStore(c)
	return c.JSON(http.StatusOK, out)
}

// openLink godoc
//
//	@Summary		Open a feedback link (citizen, no account)
//	@ID			openFeedbackLink
//	@Description	What the citizen's phone shows: the first name, the meeting date, the parts still to answer, and the wording in the chosen language. Nothing else of the case. The web page at /feedback/<token> sends the token here in the body. A link that is unknown, expired or fully used answers 404. Rate-limited per address. Audited.
//	@Tags			public
//	@Accept			json
//	@Produce		json
//	@Param			body	body		PublicOpenRequest	true	"The link's token"
//	@Success		200		{object}	PublicViewDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/public/feedback/open [post]
func (h *Handler) openLink(c echo.Context) error {
	var in PublicOpenRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	lang := in.Lang
	if lang != "da" && lang != "en" {
		if lang != "" {
			var f errs.Fields
			f.Add("lang", "must be da or en")
			return f.Err()
		}
		lang = "da"
	}
	v, err := h.svc.Open(c.Request().Context(), in.Token)
	if err != nil {
		return err
	}
	w, qs, licensed, err := h.svc.WordingOf(c.Request().Context(), lang)
	if err != nil {
		return err
	}
	out := PublicViewDTO{FirstName: v.FirstName, MeetingDate: v.MeetingStart.In(clock.LocationOf(h.svc.clock)).Format(time.DateOnly),
		ExpiresAt: ts(v.ExpiresAt), Wording: wordingDTO(lang, w, qs, licensed)}
	for _, p := range v.Parts {
		out.Parts = append(out.Parts, PublicPartDTO{Part: p.Part, Done: p.Done})
	}
	noStore(c)
	return c.JSON(http.StatusOK, out)
}

func (h *Handler) receipt(c echo.Context, token, part string, sub Submission) error {
	stored, err := h.svc.Submit(c.Request().Context(), token, part, sub)
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if !stored {
		status = http.StatusOK
	}
	noStore(c)
	return c.JSON(status, ReceiptDTO{Part: part, Stored: stored})
}

// submitORS godoc
//
//	@Summary		The citizen's ORS from a feedback link
//	@ID			submitPublicORS
//	@Description	Answered once per link. The same submission_id sent again (a retry from a flaky connection) answers 200 with stored=false and stores nothing more. Rate-limited per address. Audited.
//	@Tags			public
//	@Accept			json
//	@Produce		json
//	@Param			body	body		PublicORS	true	"Token, submission id and the four items"
//	@Success		201		{object}	ReceiptDTO
//	@Success		200		{object}	ReceiptDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		409		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/public/feedback/ors [post]
func (h *Handler) submitORS(c echo.Context) error {
	var in PublicORS
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	return h.receipt(c, in.Token, "ors", Submission{ID: in.SubmissionID, Items: in.Items.raw()})
}

// submitSRS godoc
//
//	@Summary		The citizen's SRS from a feedback link
//	@ID			submitPublicSRS
//	@Description	As for the ORS. A low SRS raises an alliance signal for the caseworker. Rate-limited per address. Audited.
//	@Tags			public
//	@Accept			json
//	@Produce		json
//	@Param			body	body		PublicSRS	true	"Token, submission id and the four items"
//	@Success		201		{object}	ReceiptDTO
//	@Success		200		{object}	ReceiptDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		409		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/public/feedback/srs [post]
func (h *Handler) submitSRS(c echo.Context) error {
	var in PublicSRS
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	return h.receipt(c, in.Token, "srs", Submission{ID: in.SubmissionID, Items: in.Items.raw()})
}

// submitAnswers godoc
//
//	@Summary		The citizen's answers to the three questions
//	@ID			submitPublicAnswers
//	@Description	The lighter alternative to the scales, from a feedback link. Answered once; retries with the same submission_id are stored once. Rate-limited per address. Audited.
//	@Tags			public
//	@Accept			json
//	@Produce		json
//	@Param			body	body		PublicAnswers	true	"Token, submission id and answers"
//	@Success		201		{object}	ReceiptDTO
//	@Success		200		{object}	ReceiptDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		409		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/public/feedback/questions [post]
func (h *Handler) submitAnswers(c echo.Context) error {
	var in PublicAnswers
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	return h.receipt(c, in.Token, "questions", Submission{ID: in.SubmissionID,
		Answers: AnswersInput{MeetingOK: in.MeetingOK, TalkedAbout: in.TalkedAbout, DifferentNextTime: in.DifferentNextTime}})
}

// submitTopics godoc
//
//	@Summary		Topics the citizen wants to talk about
//	@ID			submitPublicTopics
//	@Description	Before the meeting: up to five topics, which appear on the meeting's agenda marked as the citizen's. Once per link; retries are stored once. Rate-limited per address. Audited.
//	@Tags			public
//	@Accept			json
//	@Produce		json
//	@Param			body	body		PublicTopics	true	"Token, submission id and topics"
//	@Success		201		{object}	ReceiptDTO
//	@Success		200		{object}	ReceiptDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		409		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/public/feedback/topics [post]
func (h *Handler) submitTopics(c echo.Context) error {
	var in PublicTopics
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	return h.receipt(c, in.Token, "topics", Submission{ID: in.SubmissionID, Topics: in.Topics})
}

// caseActor is the actor of a case-content request (see actor.CaseWorkerFrom).
func caseActor(c echo.Context) (actor.Actor, error) {
	return actor.CaseWorkerFrom(c.Request().Context())
}
