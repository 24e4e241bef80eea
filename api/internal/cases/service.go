package cases

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Auditor records audit events through the caller's transaction.
type Auditor interface {
	Record(ctx context.Context, evs ...audit.Event) error
	RecordDenial(ctx context.Context, err error) error
}

// Staff answers what the cases domain needs to know about a user.
type Staff interface {
	UserTeams(ctx context.Context, id uuid.UUID) (role actor.Role, active bool, teams []uuid.UUID, err error)
}

// Crypto encrypts CPR numbers at rest and hashes them for lookup.
type Crypto interface {
	Seal(purpose, plaintext string) (string, error)
	Open(purpose, sealed string) (string, error)
	Hash(purpose, value string) string
}

const cprPurpose = "case.citizen_cpr"

// PhaseGate judges the work done in the phase a case is leaving. The
// checklists domain implements it; cases only acts on its answer.
type PhaseGate interface {
	Leave(ctx context.Context, c GateCase) (GateResult, error)
}

// GateCase is the case and phase the gate is asked about.
type GateCase struct {
	ID        uuid.UUID
	TeamID    uuid.UUID
	Phase     Phase
	Iteration int
	EnteredAt time.Time // set when leaving opfølgning, the one phase with rounds
}

// GateResult is the gate's answer: the mode in force and the core principles
// still open in the checklist of the phase being left.
type GateResult struct {
	Mode string // "warn" or "require"
	Open []OpenPrinciple
}

// Refuses reports whether the move must be refused.
func (g GateResult) Refuses() bool { return g.Mode == "require" && len(g.Open) > 0 }

// OpenPrinciple names a core principle not yet answered.
type OpenPrinciple struct {
	Code    string
	TitleDa string
	TitleEn string
}

// Service implements the case use cases. Its error contract: NotFound for a
// case that does not exist or is not in the actor's teams (the two are
// indistinguishable on purpose), Forbidden for roles that never see case
// content, Invalid with field errors for bad input, Conflict for a closed
// case or a phase move that is not allowed, PreconditionFailed for a stale
// version. Everything else is internal.
type Service struct {
	db     *db.DB
	st     store
	audit  Auditor
	staff  Staff
	crypto Crypto
	clock  clock.Clock
	gate   PhaseGate
}

// SetPhaseGate installs the gate consulted on every phase move. Without one,
// moves are never checked.
func (s *Service) SetPhaseGate(g PhaseGate) { s.gate = g }

// NewService wires the cases service.
func NewService(d *db.DB, a Auditor, s Staff, c Crypto, cl clock.Clock) *Service {
	return &Service{db: d, st: store{db: d}, audit: a, staff: s, crypto: c, clock: cl}
}

func (s *Service) now() time.Time { return s.clock.Now().UTC().Truncate(time.Microsecond) }

// Today is the service's current date (for overdue computation by callers).
func (s *Service) Today() time.Time { return clock.TodayOf(s.clock) }

// onBehalfOf makes a the actor on ctx, so the audit rows of a use case name
// whoever the caller says acts, also when it is not an HTTP request (demo
// seeding, jobs).
func onBehalfOf(ctx context.Context, a actor.Actor) context.Context {
	return actor.With(ctx, a)
}

func notFound(id uuid.UUID) error { return errs.NotFoundf("No case with id %s.", id) }

// load reads a case for the actor or fails with NotFound: a case of another
// team and a case that does not exist look the same.
func (s *Service) load(ctx context.Context, a actor.Actor, id uuid.UUID, action audit.Action) (caseRow, error) {
	r, err := s.st.get(ctx, id)
	if err != nil && !errs.Is(err, errs.NotFound) {
		return caseRow{}, err
	}
	if err != nil || !a.InTeam(r.TeamID) {
		ev := audit.Event{Action: action, CaseID: &id, Outcome: audit.Denied, Detail: "not found for this user"}
		if err == nil {
			ev.TeamID = &r.TeamID
		}
		return caseRow{}, &audit.Denial{Event: ev, Err: notFound(id)}
	}
	return r, nil
}

func (s *Service) toCase(r caseRow, history []transitionRow) Case {
	c := Case{
		ID: r.ID, TeamID: r.TeamID, CaseworkerID: r.CaseworkerID, CaseworkerName: r.CaseworkerName,
		LegalBasis: r.LegalBasis, LegalBasisNote: r.LegalBasisNote, TargetGroup: r.TargetGroup,
		Phase: Phase(r.Phase), PhaseIteration: r.PhaseIteration, Status: Status(r.Status),
		ClosureReason: r.ClosureReason, ClosureNote: r.ClosureNote, ReopenNote: r.ReopenNote,
		Dreams: r.Dreams.V, Resources: r.Resources.V, Network: r.Network.V,
		ContactAgreement: r.ContactAgreement.V, Expectations: r.Expectations.V,
		FollowUpCadence: r.FollowUpCadence, OpenedAt: r.OpenedAt.UTC(), CreatedAt: r.CreatedAt.UTC(),
		UpdatedAt: r.UpdatedAt.UTC(), Version: r.Version,
	}
	c.Citizen.Name = r.CitizenName
	c.Citizen.CPR = CPR{} // never decrypted for ordinary reads
	if r.NextFollowUpDate.Valid {
		t := r.NextFollowUpDate.Time
		c.NextFollowUp = &t
	}
	if r.ClosedAt != nil {
		t := r.ClosedAt.UTC()
		c.ClosedAt = &t
	}
	if r.ReopenedAt != nil {
		t := r.ReopenedAt.UTC()
		c.ReopenedAt = &t
	}
	for _, h := range history {
		c.PhaseHistory = append(c.PhaseHistory, PhaseChange{ID: h.ID, From: Phase(h.FromPhase), To: Phase(h.ToPhase),
			Iteration: h.Iteration, OccurredAt: h.OccurredAt.UTC(), ActorID: h.ActorID, ActorName: h.ActorName, Note: h.Note})
	}
	if c.Dreams == nil {
		c.Dreams = []Dream{}
	}
	if c.Resources == nil {
		c.Resources = []Resource{}
	}
	if c.Network == nil {
		c.Network = []NetworkPerson{}
	}
	if c.Expectations == nil {
		c.Expectations = []Expectation{}
	}
	return c
}

func (s *Service) checkCaseworker(ctx context.Context, f *errs.Fields, id, team uuid.UUID) {
	role, active, teams, err := s.staff.UserTeams(ctx, id)
	ok := err == nil && active && (role == actor.RoleCaseworker || role == actor.RoleLeader)
	if ok {
		ok = false
		for _, t := range teams {
			if t == team {
				ok = true
			}
		}
	}
	if !ok {
		f.Add("caseworker_id", "must be an active caseworker or leader in the case's team")
	}
}

func (s *Service) citizenColumns(name string, cpr CPR) (map[string]any, error) {
	enc, err := s.crypto.Seal(cprPurpose, cpr.String())
	if err != nil {
		return nil, fmt.Errorf("encrypt cpr: %w", err)
	}
	bd, _ := cpr.BirthDate()
	return map[string]any{
		"citizen_name":        name,
		"citizen_name_search": strings.ToLower(name),
		"citizen_cpr_enc":     enc,
		"citizen_cpr_hash":    s.crypto.Hash(cprPurpose, cpr.String()),
		"citizen_cpr_masked":  cpr.Masked(),
		"citizen_birth_year":  bd.Year(),
		"citizen_sex":         cpr.Sex(),
	}, nil
}

// Create opens a case in sagsåbning in one of the actor's teams.
func (s *Service) Create(ctx context.Context, a actor.Actor, in NewCase) (Viewed, error) {
	ctx = onBehalfOf(ctx, a)
	if err := a.RequireCaseAccess(); err != nil {
		return Viewed{}, err
	}
	now := s.now()
	var f errs.Fields
	if in.TeamID == uuid.Nil {
		f.Add("team_id", "is required")
	} else if !a.InTeam(in.TeamID) {
		f.Add("team_id", "must be one of your teams")
	}
	name, cpr := validCitizen(&f, in.CitizenName, in.CitizenCPR, now)
	oneOf(&f, "legal_basis", in.LegalBasis, LegalBases, true)
	note := text(&f, "legal_basis_note", in.LegalBasisNote, 1000, false)
	oneOf(&f, "target_group", in.TargetGroup, TargetGroups, true)
	dreams := normaliseDreams(&f, in.Dreams, now)
	resources := normaliseResources(&f, in.Resources, now)
	network := normaliseNetwork(&f, in.Network)
	contact := normaliseContact(&f, in.ContactAgreement)
	expectations := normaliseExpectations(&f, in.Expectations)
	oneOf(&f, "follow_up_cadence", in.FollowUpCadence, Frequencies, false)
	next := date(&f, "next_follow_up_date", in.NextFollowUp)
	caseworker := a.UserID
	if in.CaseworkerID != nil {
		caseworker = *in.CaseworkerID
	}
	if in.TeamID != uuid.Nil && a.InTeam(in.TeamID) {
		s.checkCaseworker(ctx, &f, caseworker, in.TeamID)
	}
	if err := f.Err(); err != nil {
		return Viewed{}, err
	}
	if next == nil {
		if y, m, d, ok := cadenceInterval(in.FollowUpCadence); ok {
			t := s.Today().AddDate(y, m, d)
			next = &t
		}
	}
	cit, err := s.citizenColumns(name, cpr)
	if err != nil {
		return Viewed{}, err
	}
	r := caseRow{
		ID: uuid.New(), TeamID: in.TeamID, CaseworkerID: caseworker,
		CitizenName: cit["citizen_name"].(string), CitizenNameSearch: cit["citizen_name_search"].(string),
		CitizenCPREnc: cit["citizen_cpr_enc"].(string), CitizenCPRHash: cit["citizen_cpr_hash"].(string),
		CitizenCPRMasked: cit["citizen_cpr_masked"].(string), CitizenBirthYear: cit["citizen_birth_year"].(int),
		CitizenSex: cit["citizen_sex"].(string), LegalBasis: in.LegalBasis, LegalBasisNote: note,
		TargetGroup: in.TargetGroup, Phase: string(PhaseOpening), PhaseIteration: 1, Status: string(StatusOpen),
		Dreams: db.JSON[[]Dream]{V: dreams}, Resources: db.JSON[[]Resource]{V: resources},
		Network: db.JSON[[]NetworkPerson]{V: network}, ContactAgreement: db.JSON[ContactAgreement]{V: contact},
		Expectations: db.JSON[[]Expectation]{V: expectations}, FollowUpCadence: in.FollowUpCadence,
		OpenedAt: now, CreatedAt: now, UpdatedAt: now, CreatedBy: a.UserID, UpdatedBy: a.UserID, Version: 1,
	}
	if next != nil {
		r.NextFollowUpDate = db.NewDate(*next)
	}
	var out Viewed
	err = s.db.InTx(ctx, func(ctx context.Context) error {
		if err := s.st.insert(ctx, r); err != nil {
			return err
		}
		if err := s.st.insertTransition(ctx, transitionRow{ID: uuid.New(), CaseID: r.ID, ToPhase: string(PhaseOpening),
			Iteration: 1, OccurredAt: now, ActorID: a.UserID, Note: ""}); err != nil {
			return err
		}
		if err := s.audit.Record(ctx, audit.Event{Action: audit.CaseCreated, CaseID: &r.ID, TeamID: &r.TeamID}); err != nil {
			return err
		}
		var err error
		out, err = s.read(ctx, r.ID)
		return err
	})
	if err != nil {
		return Viewed{}, fmt.Errorf("create case: %w", err)
	}
	return out, nil
}

func (s *Service) read(ctx context.Context, id uuid.UUID) (Viewed, error) {
	r, err := s.st.get(ctx, id)
	if err != nil {
		return Viewed{}, err
	}
	h, err := s.st.history(ctx, id)
	if err != nil {
		return Viewed{}, err
	}
	return Viewed{Case: s.toCase(r, h), MaskedCPR: r.CitizenCPRMasked}, nil
}

// Viewed is a case together with its masked CPR, for converters.
type Viewed struct {
	Case
	MaskedCPR string
}

// Get reads one case with its phase history, and audits the read.
func (s *Service) Get(ctx context.Context, a actor.Actor, id uuid.UUID) (Viewed, error) {
	ctx = onBehalfOf(ctx, a)
	if err := a.RequireCaseAccess(); err != nil {
		return Viewed{}, err
	}
	var out Viewed
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, err := s.load(ctx, a, id, audit.CaseRead)
		if err != nil {
			return err
		}
		h, err := s.st.history(ctx, id)
		if err != nil {
			return err
		}
		out = Viewed{Case: s.toCase(r, h), MaskedCPR: r.CitizenCPRMasked}
		return s.audit.Record(ctx, audit.Event{Action: audit.CaseRead, CaseID: &id, TeamID: &r.TeamID})
	})
	if err != nil {
		return Viewed{}, fmt.Errorf("get case: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// RevealCPR decrypts the citizen's CPR number. Every reveal is audited.
func (s *Service) RevealCPR(ctx context.Context, a actor.Actor, id uuid.UUID) (string, error) {
	ctx = onBehalfOf(ctx, a)
	if err := a.RequireCaseAccess(); err != nil {
		return "", err
	}
	var cpr string
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, err := s.load(ctx, a, id, audit.CaseCPRReveal)
		if err != nil {
			return err
		}
		cpr, err = s.crypto.Open(cprPurpose, r.CitizenCPREnc)
		if err != nil {
			return fmt.Errorf("decrypt cpr: %w", err)
		}
		return s.audit.Record(ctx, audit.Event{Action: audit.CaseCPRReveal, CaseID: &id, TeamID: &r.TeamID})
	})
	if err != nil {
		return "", fmt.Errorf("reveal cpr: %w", s.audit.RecordDenial(ctx, err))
	}
	return cpr, nil
}

// ListFilter selects cases for List.
type ListFilter struct {
	TeamID       *uuid.UUID
	Phase        string
	Status       string
	CaseworkerID *uuid.UUID
	Overdue      *bool
	Query        string
	Sort         string // one of SortNames()
	Limit        int
	Cursor       string
	cprHash      string
}

// Summary is a case as shown in a list.
type Summary struct {
	ID              uuid.UUID
	TeamID          uuid.UUID
	CaseworkerID    uuid.UUID
	CaseworkerName  string
	CitizenName     string
	MaskedCPR       string
	LegalBasis      string
	TargetGroup     string
	Phase           Phase
	PhaseIteration  int
	Status          Status
	FollowUpCadence string
	NextFollowUp    *time.Time
	Overdue         bool
	OpenedAt        time.Time
	ClosedAt        *time.Time
	UpdatedAt       time.Time
	Version         int
}

// maxPageSize bounds List and LookupCPR pages.
const maxPageSize = 200

// Page is one page of case summaries.
type Page struct {
	Items      []Summary
	NextCursor string
}

// List returns a page of the actor's teams' cases in two statements (the
// page and one multi-row audit insert) whatever the page size. Every case
// shown is audited as read in a list.
func (s *Service) List(ctx context.Context, a actor.Actor, f ListFilter) (Page, error) {
	ctx = onBehalfOf(ctx, a)
	if err := a.RequireCaseAccess(); err != nil {
		return Page{}, err
	}
	// The handlers bound the page size; a caller that does not must not reach
	// the cursor arithmetic below with an empty page.
	if f.Limit < 1 || f.Limit > maxPageSize {
		return Page{}, errs.New(errs.BadRequest, fmt.Sprintf("The page size must be from 1 to %d.", maxPageSize))
	}
	q := listQuery{Teams: a.TeamIDs, Phase: f.Phase, Status: f.Status, CaseworkerID: f.CaseworkerID,
		Overdue: f.Overdue, CPRHash: f.cprHash, Today: s.Today(), Limit: f.Limit}
	if f.TeamID != nil {
		if !a.InTeam(*f.TeamID) {
			return Page{Items: []Summary{}}, nil
		}
		q.Teams = []uuid.UUID{*f.TeamID}
	}
	if len(q.Teams) == 0 {
		return Page{Items: []Summary{}}, nil
	}
	if qs := strings.ToLower(strings.TrimSpace(f.Query)); qs != "" {
		q.NameLike = qs
	}
	sort := f.Sort
	if sort == "" {
		sort = "-updated_at"
	}
	q.Desc = strings.HasPrefix(sort, "-")
	q.Sort = strings.TrimPrefix(sort, "-")
	if _, ok := sorts[q.Sort]; !ok {
		return Page{}, errs.New(errs.BadRequest, "Unknown sort order.")
	}
	if f.Cursor != "" {
		var c listCursor
		if err := httpx.DecodeCursor(f.Cursor, &c); err != nil {
			return Page{}, err
		}
		if c.Sort != sort {
			e := errs.New(errs.BadRequest, "The cursor belongs to another sort order; start again from the first page.")
			e.Fields = []errs.FieldError{{Field: "cursor", Message: "does not match sort"}}
			return Page{}, e
		}
		q.After = &c
	}
	var page Page
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		rows, err := s.st.list(ctx, q)
		if err != nil {
			return err
		}
		if len(rows) > f.Limit {
			rows = rows[:f.Limit]
			last := rows[len(rows)-1]
			page.NextCursor = httpx.EncodeCursor(listCursor{Sort: sort, Val: cursorValue(last, q.Sort), ID: last.ID})
		}
		page.Items = make([]Summary, len(rows))
		evs := make([]audit.Event, 0, len(rows))
		action := audit.CaseListed
		if f.cprHash != "" {
			action = audit.CaseCPRLookup
		}
		for i, r := range rows {
			c := s.toCase(r, nil)
			page.Items[i] = Summary{ID: r.ID, TeamID: r.TeamID, CaseworkerID: r.CaseworkerID, CaseworkerName: r.CaseworkerName,
				CitizenName: r.CitizenName, MaskedCPR: r.CitizenCPRMasked, LegalBasis: r.LegalBasis,
				TargetGroup: r.TargetGroup, Phase: c.Phase, PhaseIteration: r.PhaseIteration, Status: c.Status,
				FollowUpCadence: r.FollowUpCadence, NextFollowUp: c.NextFollowUp, Overdue: c.FollowUpOverdue(q.Today),
				OpenedAt: c.OpenedAt, ClosedAt: c.ClosedAt, UpdatedAt: c.UpdatedAt, Version: r.Version}
			id, team := r.ID, r.TeamID
			evs = append(evs, audit.Event{Action: action, CaseID: &id, TeamID: &team})
		}
		if f.cprHash != "" && len(rows) == 0 {
			evs = append(evs, audit.Event{Action: action, Detail: "no match"})
		}
		return s.audit.Record(ctx, evs...)
	})
	if err != nil {
		return Page{}, fmt.Errorf("list cases: %w", err)
	}
	return page, nil
}

// LookupCPR finds the actor's teams' cases for one exact CPR number. The CPR
// travels in a request body, never in a URL, so it stays out of access logs.
func (s *Service) LookupCPR(ctx context.Context, a actor.Actor, cpr string, limit int, cursor string) (Page, error) {
	if err := a.RequireCaseAccess(); err != nil {
		return Page{}, err
	}
	var f errs.Fields
	c, err := ParseCPR(cpr)
	if err != nil {
		f.Add("cpr", err.Error())
		return Page{}, f.Err()
	}
	return s.List(ctx, a, ListFilter{Limit: limit, Cursor: cursor, Sort: "-opened_at", cprHash: s.crypto.Hash(cprPurpose, c.String())})
}

// mutate runs a versioned change on an open case inside one transaction:
// load (404 if not the actor's), check the version, let fn compute the
// columns, write them with the version in the WHERE, audit, re-read.
func (s *Service) mutate(ctx context.Context, a actor.Actor, id uuid.UUID, version int, action audit.Action,
	fn func(ctx context.Context, r caseRow) (cols map[string]any, detail string, err error)) (Viewed, error) {
	ctx = onBehalfOf(ctx, a)
	if err := a.RequireCaseAccess(); err != nil {
		return Viewed{}, err
	}
	var out Viewed
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, err := s.load(ctx, a, id, action)
		if err != nil {
			return err
		}
		if r.Version != version {
			return httpx.Stale(r.Version)
		}
		cols, detail, err := fn(ctx, r)
		if err != nil {
			return err
		}
		cols["updated_at"] = s.now()
		cols["updated_by"] = a.UserID
		ok, err := s.st.update(ctx, id, version, cols)
		if err != nil {
			return err
		}
		if !ok {
			// Someone committed between our read and our write.
			cur, gerr := s.st.get(ctx, id)
			if gerr != nil {
				return gerr
			}
			return httpx.Stale(cur.Version)
		}
		if err := s.audit.Record(ctx, audit.Event{Action: action, CaseID: &id, TeamID: &r.TeamID, Detail: detail}); err != nil {
			return err
		}
		out, err = s.read(ctx, id)
		return err
	})
	if err != nil {
		return Viewed{}, fmt.Errorf("%s: %w", action, s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

var errClosed = errs.New(errs.Conflict, "The case is closed. Reopen it before making changes.")

// Update applies a partial change to an open case.
func (s *Service) Update(ctx context.Context, a actor.Actor, id uuid.UUID, version int, ch CaseChange) (Viewed, error) {
	return s.mutate(ctx, a, id, version, audit.CaseUpdated, func(ctx context.Context, r caseRow) (map[string]any, string, error) {
		if r.Status == string(StatusClosed) {
			return nil, "", errClosed
		}
		now := s.now()
		var f errs.Fields
		cols := map[string]any{}
		if ch.CaseworkerID != nil {
			s.checkCaseworker(ctx, &f, *ch.CaseworkerID, r.TeamID)
			cols["caseworker_id"] = *ch.CaseworkerID
		}
		if ch.CitizenName != nil || ch.CitizenCPR != nil {
			name := r.CitizenName
			if ch.CitizenName != nil {
				name = *ch.CitizenName
			}
			var cpr CPR
			if ch.CitizenCPR != nil {
				name, cpr = validCitizen(&f, name, *ch.CitizenCPR, now)
			} else {
				name = text(&f, "citizen.name", name, maxNameLen, true)
				cols["citizen_name"] = name
				cols["citizen_name_search"] = strings.ToLower(name)
			}
			if ch.CitizenCPR != nil && !cpr.IsZero() {
				cit, err := s.citizenColumns(name, cpr)
				if err != nil {
					return nil, "", err
				}
				for k, v := range cit {
					cols[k] = v
				}
			}
		}
		if ch.LegalBasis != nil {
			oneOf(&f, "legal_basis", *ch.LegalBasis, LegalBases, true)
			cols["legal_basis"] = *ch.LegalBasis
		}
		if ch.LegalBasisNote != nil {
			cols["legal_basis_note"] = text(&f, "legal_basis_note", *ch.LegalBasisNote, 1000, false)
		}
		if ch.TargetGroup != nil {
			oneOf(&f, "target_group", *ch.TargetGroup, TargetGroups, true)
			cols["target_group"] = *ch.TargetGroup
		}
		if ch.Dreams != nil {
			ds := append([]Dream(nil), (*ch.Dreams)...)
			keepRecordedAt(r.Dreams.V, ds, func(d *Dream) uuid.UUID { return d.ID }, func(d *Dream) *time.Time { return &d.RecordedAt })
			cols["dreams"] = db.JSON[[]Dream]{V: normaliseDreams(&f, ds, now)}
		}
		if ch.Resources != nil {
			rs := append([]Resource(nil), (*ch.Resources)...)
			keepRecordedAt(r.Resources.V, rs, func(r *Resource) uuid.UUID { return r.ID }, func(r *Resource) *time.Time { return &r.RecordedAt })
			cols["resources"] = db.JSON[[]Resource]{V: normaliseResources(&f, rs, now)}
		}
		if ch.Network != nil {
			cols["network"] = db.JSON[[]NetworkPerson]{V: normaliseNetwork(&f, *ch.Network)}
		}
		if ch.ContactAgreement != nil {
			cols["contact_agreement"] = db.JSON[ContactAgreement]{V: normaliseContact(&f, *ch.ContactAgreement)}
		}
		if ch.Expectations != nil {
			cols["expectations"] = db.JSON[[]Expectation]{V: normaliseExpectations(&f, *ch.Expectations)}
		}
		if ch.FollowUpCadence != nil {
			oneOf(&f, "follow_up_cadence", *ch.FollowUpCadence, Frequencies, false)
			cols["follow_up_cadence"] = *ch.FollowUpCadence
		}
		if ch.NextFollowUp != nil {
			if *ch.NextFollowUp == "" {
				cols["next_follow_up_date"] = db.Date{}
			} else if d := date(&f, "next_follow_up_date", *ch.NextFollowUp); d != nil {
				cols["next_follow_up_date"] = db.NewDate(*d)
			}
		}
		if err := f.Err(); err != nil {
			return nil, "", err
		}
		if len(cols) == 0 {
			return nil, "", errs.New(errs.Invalid, "The request changes nothing; send at least one field.")
		}
		return cols, "fields: " + strings.Join(ch.Fields(), ","), nil
	})
}

// Close closes an open case with a reason. Nothing is deleted.
func (s *Service) Close(ctx context.Context, a actor.Actor, id uuid.UUID, version int, reason, note string) (Viewed, error) {
	return s.mutate(ctx, a, id, version, audit.CaseClosed, func(_ context.Context, r caseRow) (map[string]any, string, error) {
		var f errs.Fields
		oneOf(&f, "reason", reason, ClosureReasons, true)
		note := text(&f, "note", note, maxTextLen, false)
		if err := f.Err(); err != nil {
			return nil, "", err
		}
		if r.Status == string(StatusClosed) {
			return nil, "", errs.New(errs.Conflict, "The case is already closed.")
		}
		return map[string]any{"status": string(StatusClosed), "closure_reason": reason, "closure_note": note,
			"closed_at": s.now()}, "reason: " + reason, nil
	})
}

// Reopen reopens a closed case in the phase it was closed in.
func (s *Service) Reopen(ctx context.Context, a actor.Actor, id uuid.UUID, version int, note string) (Viewed, error) {
	return s.mutate(ctx, a, id, version, audit.CaseReopened, func(_ context.Context, r caseRow) (map[string]any, string, error) {
		var f errs.Fields
		note = text(&f, "note", note, maxTextLen, false)
		if err := f.Err(); err != nil {
			return nil, "", err
		}
		if r.Status != string(StatusClosed) {
			return nil, "", errs.New(errs.Conflict, "The case is already open.")
		}
		// The reason and note of the closure stay as the record of it.
		return map[string]any{"status": string(StatusOpen), "closed_at": nil, "reopened_at": s.now(),
			"reopen_note": note}, "", nil
	})
}

// MovePhase moves an open case to another phase along the allowed paths and
// records who, when and why in the phase history. Going back from opfølgning
// starts a new iteration. The phase gate looks at the checklist of the phase
// being left: in warn mode the move happens and the result lists the core
// principles that were open; in require mode open core principles refuse the
// move with ChecklistIncomplete.
func (s *Service) MovePhase(ctx context.Context, a actor.Actor, id uuid.UUID, version int, to Phase, note string) (Viewed, GateResult, error) {
	var gate GateResult
	v, err := s.mutate(ctx, a, id, version, audit.CasePhase, func(ctx context.Context, r caseRow) (map[string]any, string, error) {
		var f errs.Fields
		if !to.Valid() {
			oneOf(&f, "to", string(to), phaseNames(), true)
		}
		note := text(&f, "note", note, maxTextLen, false)
		if err := f.Err(); err != nil {
			return nil, "", err
		}
		if r.Status == string(StatusClosed) {
			return nil, "", errClosed
		}
		from := Phase(r.Phase)
		if !from.CanMoveTo(to) {
			allowed := make([]string, 0, 4)
			for _, p := range from.AllowedNext() {
				allowed = append(allowed, string(p))
			}
			return nil, "", errs.New(errs.Conflict, fmt.Sprintf("A case in %s cannot move to %s. Allowed: %s.",
				from, to, strings.Join(allowed, ", ")))
		}
		if s.gate != nil {
			// Only opfølgning has rounds, so only it needs to know since when.
			var entered time.Time
			var err error
			if from == PhaseFollowUp {
				if entered, err = s.st.phaseEnteredAt(ctx, r.ID); err != nil {
					return nil, "", err
				}
			}
			if gate, err = s.gate.Leave(ctx, GateCase{ID: r.ID, TeamID: r.TeamID, Phase: from, Iteration: r.PhaseIteration, EnteredAt: entered}); err != nil {
				return nil, "", err
			}
			if gate.Refuses() {
				return nil, "", gateRefusal(from, gate.Open)
			}
		}
		iteration := r.PhaseIteration
		if from == PhaseFollowUp {
			iteration++
		}
		if err := s.st.insertTransition(ctx, transitionRow{ID: uuid.New(), CaseID: r.ID, FromPhase: string(from),
			ToPhase: string(to), Iteration: iteration, OccurredAt: s.now(), ActorID: a.UserID, Note: note}); err != nil {
			return nil, "", err
		}
		detail := string(from) + " -> " + string(to)
		if len(gate.Open) > 0 {
			detail += fmt.Sprintf(" (%d core principles open)", len(gate.Open))
		}
		return map[string]any{"phase": string(to), "phase_iteration": iteration}, detail, nil
	})
	if err != nil {
		return Viewed{}, GateResult{}, err
	}
	return v, gate, nil
}

// gateRefusal is the 409 of the phase gate in require mode; it lists the
// open core principles so the caller can show them.
func gateRefusal(from Phase, open []OpenPrinciple) error {
	codes := make([]string, len(open))
	missing := make([]map[string]string, len(open))
	for i, p := range open {
		codes[i] = p.Code
		missing[i] = map[string]string{"code": p.Code, "title": p.TitleDa}
	}
	e := errs.New(errs.ChecklistIncomplete, fmt.Sprintf(
		"The case cannot leave %s before the checklist answers every core principle. Open: %s.", from, strings.Join(codes, ", ")))
	e.Extra = map[string]any{"missing": missing}
	return e
}

func phaseNames() []string {
	out := make([]string, len(Phases))
	for i, p := range Phases {
		out[i] = string(p)
	}
	return out
}
