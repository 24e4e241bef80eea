package checklists

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
	"github.com/borgeren-i-centrum/bic/api/internal/settings"
)

// Auditor records audit events through the caller's transaction.
type Auditor interface {
	Record(ctx context.Context, evs ...audit.Event) error
	RecordDenial(ctx context.Context, err error) error
}

// Cases is what checklists need from the cases domain.
type Cases interface {
	FactsFor(ctx context.Context, a actor.Actor, id uuid.UUID, action audit.Action) (cases.Facts, error)
	PhaseEnteredAt(ctx context.Context, id uuid.UUID) (time.Time, error)
}

// Reviews counts follow-up reviews (the goals domain records them).
type Reviews interface {
	FollowUpsSince(ctx context.Context, caseID uuid.UUID, since time.Time) (int, error)
}

// Settings tells the phase-gate mode in force.
type Settings interface {
	PhaseGate(ctx context.Context) (settings.GateMode, error)
}

// Audited actions of this domain.
const (
	actList         audit.Action = "checklist.list"
	actRead         audit.Action = "checklist.read"
	actCreate       audit.Action = "checklist.create"
	actAnswer       audit.Action = "checklist.update"
	actPublish      audit.Action = "principles.publish"
	actInsights     audit.Action = "insights.principles"
	actInsightCases audit.Action = "insights.principle_cases"
)

//go:embed principles.json
var builtinJSON []byte

// builtinPublished dates the built-in set before any set a municipality can
// publish, so that shipping a new built-in version never outranks a
// municipality's own revision.
var builtinPublished = time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)

// Builtin is the set BIC ships: the principles with the mapping of the
// domain description (§3.2).
func Builtin() (Set, error) {
	var doc struct {
		Version    string      `json:"version"`
		Note       string      `json:"note"`
		Principles []Principle `json:"principles"`
	}
	if err := json.Unmarshal(builtinJSON, &doc); err != nil {
		return Set{}, fmt.Errorf("built-in principles: %w", err)
	}
	s := Set{Version: doc.Version, Note: doc.Note, PublishedAt: builtinPublished, Principles: doc.Principles}
	var f errs.Fields
	validateSet(&f, s)
	if err := f.Err(); err != nil {
		return Set{}, fmt.Errorf("built-in principles: %v", f.List())
	}
	return s, nil
}

// Service implements the checklist use cases. Error contract as in cases: a
// case or checklist outside the actor's teams is NotFound, roles without
// case access get Forbidden, bad input is Invalid with field errors, a
// closed case is Conflict, a stale version PreconditionFailed.
type Service struct {
	db       *db.DB
	st       store
	audit    Auditor
	cases    Cases
	reviews  Reviews
	settings Settings
	clock    clock.Clock

	// Published sets never change, so they are cached by version.
	setCache sync.Map
}

// NewService wires the checklists service.
func NewService(d *db.DB, a Auditor, c Cases, r Reviews, st Settings, cl clock.Clock) *Service {
	return &Service{db: d, st: store{db: d}, audit: a, cases: c, reviews: r, settings: st, clock: cl}
}

func (s *Service) now() time.Time { return s.clock.Now().UTC().Truncate(time.Microsecond) }

// EnsureBuiltin stores the built-in principle set unless it is there.
func (s *Service) EnsureBuiltin(ctx context.Context) error {
	b, err := Builtin()
	if err != nil {
		return err
	}
	if _, err := s.st.insertSet(ctx, setRow{Version: b.Version, Content: db.JSON[[]Principle]{V: b.Principles},
		Note: b.Note, PublishedAt: b.PublishedAt}); err != nil {
		return fmt.Errorf("store built-in principles: %w", err)
	}
	return nil
}

func toSet(r setRow) Set {
	return Set{Version: r.Version, Note: r.Note, PublishedAt: r.PublishedAt.UTC(), PublishedByName: r.PublishedByName,
		Principles: r.Content.V}
}

func (s *Service) setOf(ctx context.Context, version string) (Set, error) {
	if v, ok := s.setCache.Load(version); ok {
		return v.(Set), nil
	}
	r, err := s.st.set(ctx, version)
	if err != nil {
		if errs.Is(err, errs.NotFound) {
			return Set{}, errs.NotFoundf("No principle set with version %s.", version)
		}
		return Set{}, err
	}
	set := toSet(r)
	s.setCache.Store(version, set)
	return set, nil
}

func (s *Service) current(ctx context.Context) (Set, error) {
	r, err := s.st.currentSet(ctx)
	if err != nil {
		return Set{}, fmt.Errorf("current principle set: %w", err)
	}
	return toSet(r), nil
}

// Principles returns the set in force, or the given version. Any member of
// staff may read the reference data.
func (s *Service) Principles(ctx context.Context, version string) (Set, error) {
	if version == "" {
		return s.current(ctx)
	}
	return s.setOf(ctx, version)
}

// Versions lists the published sets, newest first.
func (s *Service) Versions(ctx context.Context) ([]Set, error) {
	rows, err := s.st.setList(ctx)
	if err != nil {
		return nil, fmt.Errorf("list principle sets: %w", err)
	}
	out := make([]Set, len(rows))
	for i, r := range rows {
		out[i] = toSet(r)
	}
	return out, nil
}

// Publish stores a revised set as a new version, which new checklists use
// from then on. Administrators only; a version name is used once.
func (s *Service) Publish(ctx context.Context, a actor.Actor, in Set) (Set, error) {
	ctx = actor.With(ctx, a)
	if a.Role != actor.RoleAdmin {
		return Set{}, errs.New(errs.Forbidden, "Only administrators publish principle sets.")
	}
	var f errs.Fields
	validateSet(&f, in)
	if err := f.Err(); err != nil {
		return Set{}, err
	}
	for i := range in.Principles {
		p := &in.Principles[i]
		p.TitleDa, p.TitleEn = strings.TrimSpace(p.TitleDa), strings.TrimSpace(p.TitleEn)
		if p.Core == nil {
			p.Core = []cases.Phase{}
		}
		if p.Optional == nil {
			p.Optional = []cases.Phase{}
		}
	}
	by := a.UserID
	var out Set
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		ok, err := s.st.insertSet(ctx, setRow{Version: in.Version, Content: db.JSON[[]Principle]{V: in.Principles},
			Note: strings.TrimSpace(in.Note), PublishedAt: s.now(), PublishedBy: &by})
		if err != nil {
			return err
		}
		if !ok {
			return errs.New(errs.Conflict, fmt.Sprintf("A principle set with version %s exists; published sets never change, so choose a new version name.", in.Version))
		}
		if err := s.audit.Record(ctx, audit.Event{Action: actPublish, Detail: "version " + in.Version}); err != nil {
			return err
		}
		r, err := s.st.set(ctx, in.Version)
		out = toSet(r)
		return err
	})
	if err != nil {
		return Set{}, fmt.Errorf("publish principles: %w", err)
	}
	return out, nil
}

// caseFor authorises access to a case's checklists.
func (s *Service) caseFor(ctx context.Context, a actor.Actor, caseID uuid.UUID, action audit.Action) (cases.Facts, error) {
	return s.cases.FactsFor(ctx, a, caseID, action)
}

// key identifies the checklist of one pass through a phase.
type key struct {
	phase     cases.Phase
	iteration int
	round     int
}

// currentKey is the checklist the case is working on now: its phase and
// iteration, and in opfølgning one round per follow-up review, so a new
// round starts once a review has been recorded.
func (s *Service) currentKey(ctx context.Context, caseID uuid.UUID, phase cases.Phase, iteration int, entered time.Time) (key, error) {
	k := key{phase: phase, iteration: iteration, round: 1}
	if phase == cases.PhaseFollowUp {
		n, err := s.reviews.FollowUpsSince(ctx, caseID, entered)
		if err != nil {
			return key{}, err
		}
		k.round = n + 1
	}
	return k, nil
}

// ensure returns the checklist for k, creating it with the set in force.
func (s *Service) ensure(ctx context.Context, a actor.Actor, f cases.Facts, k key) (checklistRow, error) {
	r, err := s.st.checklistByKey(ctx, f.ID, string(k.phase), k.iteration, k.round)
	if err == nil || !errs.Is(err, errs.NotFound) {
		return r, err
	}
	set, err := s.current(ctx)
	if err != nil {
		return checklistRow{}, err
	}
	now := s.now()
	r = checklistRow{ID: uuid.New(), CaseID: f.ID, Phase: string(k.phase), Iteration: k.iteration, Round: k.round,
		PrincipleVersion: set.Version, CreatedAt: now, CreatedBy: a.UserID, UpdatedAt: now, UpdatedBy: a.UserID, Version: 1}
	items := make([]itemRow, len(set.Principles))
	for i, p := range set.Principles {
		items[i] = itemRow{ChecklistID: r.ID, Principle: p.Code, Applicability: string(p.In(k.phase)), Status: string(Open)}
	}
	created, err := s.st.insertChecklist(ctx, r, items)
	if err != nil {
		return checklistRow{}, err
	}
	if !created {
		return s.st.checklistByKey(ctx, f.ID, string(k.phase), k.iteration, k.round)
	}
	err = s.audit.Record(ctx, audit.Event{Action: actCreate, CaseID: &f.ID, TeamID: &f.TeamID,
		Detail: fmt.Sprintf("%s iteration %d round %d, principles %s", k.phase, k.iteration, k.round, set.Version)})
	return r, err
}

// build turns rows into checklists, reading items and sets in a fixed number
// of queries.
func (s *Service) build(ctx context.Context, rows []checklistRow, cur key) ([]Checklist, error) {
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	items, err := s.st.items(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Checklist, len(rows))
	for i, r := range rows {
		set, err := s.setOf(ctx, r.PrincipleVersion)
		if err != nil {
			return nil, err
		}
		c := Checklist{ID: r.ID, CaseID: r.CaseID, Phase: cases.Phase(r.Phase), Iteration: r.Iteration, Round: r.Round,
			PrincipleVersion: r.PrincipleVersion, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), Version: r.Version,
			Current: key{cases.Phase(r.Phase), r.Iteration, r.Round} == cur}
		if r.LeftAt != nil {
			t := r.LeftAt.UTC()
			c.LeftAt = &t
		}
		for _, it := range items[r.ID] {
			p, _ := set.Principle(it.Principle)
			item := Item{Principle: p, Applicability: Applicability(it.Applicability), Status: ItemStatus(it.Status),
				Note: it.Note, UpdatedByName: it.UpdatedByName}
			if it.UpdatedAt != nil {
				t := it.UpdatedAt.UTC()
				item.UpdatedAt = &t
			}
			c.Items = append(c.Items, item)
		}
		sort.SliceStable(c.Items, func(a, b int) bool {
			x, y := c.Items[a], c.Items[b]
			if x.Applicability.rank() != y.Applicability.rank() {
				return x.Applicability.rank() < y.Applicability.rank()
			}
			return x.Principle.Number < y.Principle.Number
		})
		out[i] = c
	}
	return out, nil
}

func (s *Service) keyOf(ctx context.Context, f cases.Facts) (key, error) {
	if f.Status == cases.StatusClosed {
		return key{}, nil // a closed case has no phase being worked on
	}
	entered := time.Time{}
	if f.Phase == cases.PhaseFollowUp {
		// Only opfølgning has rounds, so only it needs to know since when.
		var err error
		if entered, err = s.cases.PhaseEnteredAt(ctx, f.ID); err != nil {
			return key{}, err
		}
	}
	return s.currentKey(ctx, f.ID, f.Phase, f.PhaseIteration, entered)
}

// List returns every checklist of a case, newest first. For an open case the
// checklist of the phase it is in is created on first view, with the
// principle set in force, so no one has to start it by hand.
func (s *Service) List(ctx context.Context, a actor.Actor, caseID uuid.UUID) ([]Checklist, error) {
	ctx = actor.With(ctx, a)
	var out []Checklist
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		f, err := s.caseFor(ctx, a, caseID, actList)
		if err != nil {
			return err
		}
		cur, err := s.keyOf(ctx, f)
		if err != nil {
			return err
		}
		if f.Status != cases.StatusClosed {
			if _, err := s.ensure(ctx, a, f, cur); err != nil {
				return err
			}
		}
		rows, err := s.st.checklistsOfCase(ctx, caseID)
		if err != nil {
			return err
		}
		if out, err = s.build(ctx, rows, cur); err != nil {
			return err
		}
		if f.Status != cases.StatusClosed {
			markGate(out, cur)
		}
		return s.audit.Record(ctx, audit.Event{Action: actList, CaseID: &caseID, TeamID: &f.TeamID})
	})
	if err != nil {
		return nil, fmt.Errorf("list checklists: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// checklistFor authorises access to one checklist of a case; a checklist of
// another case is NotFound like a missing one.
func (s *Service) checklistFor(ctx context.Context, a actor.Actor, caseID, id uuid.UUID, action audit.Action) (checklistRow, cases.Facts, error) {
	f, err := s.caseFor(ctx, a, caseID, action)
	if err != nil {
		return checklistRow{}, cases.Facts{}, err
	}
	r, err := s.st.checklist(ctx, id)
	if err != nil && !errs.Is(err, errs.NotFound) {
		return checklistRow{}, cases.Facts{}, err
	}
	if err != nil || r.CaseID != caseID {
		return checklistRow{}, cases.Facts{}, &audit.Denial{
			Event: audit.Event{Action: action, CaseID: &caseID, TeamID: &f.TeamID, Outcome: audit.Denied,
				Detail: "checklist " + id.String() + " not found in this case"},
			Err: errs.NotFoundf("No checklist with id %s in this case.", id)}
	}
	return r, f, nil
}

// Get reads one checklist of a case.
func (s *Service) Get(ctx context.Context, a actor.Actor, caseID, id uuid.UUID) (Checklist, error) {
	ctx = actor.With(ctx, a)
	var out Checklist
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, f, err := s.checklistFor(ctx, a, caseID, id, actRead)
		if err != nil {
			return err
		}
		if out, err = s.one(ctx, r, f); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: actRead, CaseID: &caseID, TeamID: &f.TeamID, Detail: "checklist " + id.String()})
	})
	if err != nil {
		return Checklist{}, fmt.Errorf("get checklist: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// one builds a single checklist. When it belongs to the pass the case is in,
// the pass is read too, to tell whether the gate reads this one.
func (s *Service) one(ctx context.Context, r checklistRow, f cases.Facts) (Checklist, error) {
	cur, err := s.keyOf(ctx, f)
	if err != nil {
		return Checklist{}, err
	}
	rows := []checklistRow{r}
	inPass := f.Status != cases.StatusClosed && r.Phase == string(cur.phase) && r.Iteration == cur.iteration
	if inPass {
		if rows, err = s.st.checklistsOfPass(ctx, r.CaseID, r.Phase, r.Iteration); err != nil {
			return Checklist{}, err
		}
	}
	list, err := s.build(ctx, rows, cur)
	if err != nil {
		return Checklist{}, err
	}
	if inPass {
		markGate(list, cur)
	}
	for _, c := range list {
		if c.ID == r.ID {
			return c, nil
		}
	}
	return Checklist{}, fmt.Errorf("checklist %s missing from its pass", r.ID)
}

// Answer records answers for some principles of a checklist. Every item
// says how the principle was applied; "not applied" and "not relevant now"
// must say why. Only items whose answer changes get a new who and when.
func (s *Service) Answer(ctx context.Context, a actor.Actor, caseID, id uuid.UUID, version int, in []ItemChange) (Checklist, error) {
	ctx = actor.With(ctx, a)
	var fe errs.Fields
	if len(in) == 0 || len(in) > len(Codes) {
		fe.Add("items", fmt.Sprintf("must hold 1 to %d answers", len(Codes)))
	}
	seen := map[string]bool{}
	for i, it := range in {
		at := fmt.Sprintf("items[%d].", i)
		known := false
		for _, c := range Codes {
			known = known || c == it.Principle
		}
		switch {
		case !known:
			fe.Add(at+"principle", "must be one of "+strings.Join(Codes, ", "))
		case seen[it.Principle]:
			fe.Add(at+"principle", "is answered twice")
		}
		seen[it.Principle] = true
		st := ItemStatus(it.Status)
		if !st.Valid() {
			fe.Add(at+"status", "must be one of "+strings.Join(statusNames(), ", "))
		}
		in[i].Note = strings.TrimSpace(it.Note)
		switch n := len([]rune(in[i].Note)); {
		case n > maxNote:
			fe.Add(at+"note", fmt.Sprintf("must be at most %d characters", maxNote))
		case n == 0 && st.NeedsNote():
			fe.Add(at+"note", "is required when the principle is not applied or not relevant now: say why")
		}
	}
	if err := fe.Err(); err != nil {
		return Checklist{}, err
	}
	var out Checklist
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, f, err := s.checklistFor(ctx, a, caseID, id, actAnswer)
		if err != nil {
			return err
		}
		if f.Status == cases.StatusClosed {
			return errs.New(errs.Conflict, "The case is closed. Reopen it before changing its checklists.")
		}
		if r.Version != version {
			return httpx.Stale(r.Version)
		}
		items, err := s.st.items(ctx, []uuid.UUID{id})
		if err != nil {
			return err
		}
		byCode := map[string]itemRow{}
		for _, it := range items[id] {
			byCode[it.Principle] = it
		}
		now := s.now()
		var changed []string
		for _, c := range in {
			cur, ok := byCode[c.Principle]
			if !ok || (cur.Status == c.Status && cur.Note == c.Note) {
				continue
			}
			by := a.UserID
			if err := s.st.updateItem(ctx, itemRow{ChecklistID: id, Principle: c.Principle, Status: c.Status, Note: c.Note,
				UpdatedAt: &now, UpdatedBy: &by}); err != nil {
				return err
			}
			changed = append(changed, c.Principle+"="+c.Status)
		}
		if len(changed) > 0 {
			ok, err := s.st.touch(ctx, id, version, now, a.UserID)
			if err != nil {
				return err
			}
			if !ok {
				cur, gerr := s.st.checklist(ctx, id)
				if gerr != nil {
					return gerr
				}
				return httpx.Stale(cur.Version)
			}
			r.Version++
			r.UpdatedAt, r.UpdatedBy = now, a.UserID
		}
		// The detail names principles and statuses only, never the notes.
		if err := s.audit.Record(ctx, audit.Event{Action: actAnswer, CaseID: &caseID, TeamID: &f.TeamID,
			Detail: "checklist " + id.String() + ": " + strings.Join(changed, ", ")}); err != nil {
			return err
		}
		out, err = s.one(ctx, r, f)
		return err
	})
	if err != nil {
		return Checklist{}, fmt.Errorf("answer checklist: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// gateOf is the index of the checklist the phase gate reads among those of
// one pass through a phase, latest round first: the latest round that has
// answers (in opfølgning, recording a review starts a fresh, empty round),
// else the latest round. -1 for none.
func gateOf(pass []Checklist) int {
	for i, c := range pass {
		if c.State() != NotStarted {
			return i
		}
	}
	if len(pass) == 0 {
		return -1
	}
	return 0
}

// markGate flags, among a case's checklists, the one the phase gate would
// read if the case left its current phase now, so that clients need not
// repeat the rule.
func markGate(list []Checklist, cur key) {
	var pass []int
	for i, c := range list {
		if c.Phase == cur.phase && c.Iteration == cur.iteration {
			pass = append(pass, i)
		}
	}
	sort.Slice(pass, func(a, b int) bool { return list[pass[a]].Round > list[pass[b]].Round })
	in := make([]Checklist, len(pass))
	for i, j := range pass {
		in[i] = list[j]
	}
	if g := gateOf(in); g >= 0 {
		list[pass[g]].Gate = true
	}
}

// Leave is the phase gate (cases.PhaseGate): it reads the checklist of the
// phase being left and lists its core principles without an answer. In
// opfølgning it reads the latest round that has answers, since recording a
// review starts a fresh, empty round. A phase whose checklist was never
// opened gets it now, all open, so that skipping the reflection shows in the
// leader's overview rather than hiding from it. The checklist is marked as
// left either way.
func (s *Service) Leave(ctx context.Context, c cases.GateCase) (cases.GateResult, error) {
	mode, err := s.settings.PhaseGate(ctx)
	if err != nil {
		return cases.GateResult{}, err
	}
	res := cases.GateResult{Mode: string(mode)}
	pick, err := s.st.checklistsOfPass(ctx, c.ID, string(c.Phase), c.Iteration)
	if err != nil {
		return cases.GateResult{}, err
	}
	a, _ := actor.From(ctx)
	if len(pick) == 0 {
		k, err := s.currentKey(ctx, c.ID, c.Phase, c.Iteration, c.EnteredAt)
		if err != nil {
			return cases.GateResult{}, err
		}
		r, err := s.ensure(ctx, a, cases.Facts{ID: c.ID, TeamID: c.TeamID}, k)
		if err != nil {
			return cases.GateResult{}, err
		}
		pick = append(pick, r)
	}
	built, err := s.build(ctx, pick, key{})
	if err != nil {
		return cases.GateResult{}, err
	}
	chosen := built[gateOf(built)]
	if err := s.st.markLeft(ctx, chosen.ID, s.now(), a.UserID); err != nil {
		return cases.GateResult{}, err
	}
	for _, it := range chosen.OpenCore() {
		p := it.Principle
		res.Open = append(res.Open, cases.OpenPrinciple{Code: p.Code, TitleDa: p.TitleDa, TitleEn: p.TitleEn})
	}
	sort.Slice(res.Open, func(i, j int) bool { return res.Open[i].Code < res.Open[j].Code })
	return res, nil
}
