package bench

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/goals"
	"github.com/borgeren-i-centrum/bic/api/internal/meetings"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/secrets"
)

// Values the generator emits that the two databases store differently; each
// sink converts them.
type (
	// day is a calendar date; the zero value is NULL.
	day time.Time
	// doc is a JSON document (jsonb on PostgreSQL, TEXT on SQLite).
	doc []byte
)

// Tables and their columns, in the order rows are emitted. Columns not named
// (change_xid, change_seq) keep their defaults.
var tableColumns = map[string][]string{
	"cases": {"id", "team_id", "caseworker_id", "citizen_name", "citizen_name_search", "citizen_cpr_enc",
		"citizen_cpr_hash", "citizen_cpr_masked", "citizen_birth_year", "citizen_sex", "legal_basis", "legal_basis_note",
		"target_group", "phase", "phase_iteration", "status", "closure_reason", "closure_note", "dreams", "resources",
		"network", "contact_agreement", "expectations", "follow_up_cadence", "next_follow_up_date", "opened_at",
		"closed_at", "reopened_at", "reopen_note", "created_at", "updated_at", "created_by", "updated_by", "version"},
	"case_phase_transitions": {"id", "case_id", "from_phase", "to_phase", "iteration", "occurred_at", "actor_id", "note"},
	"goals": {"id", "case_id", "parent_id", "dream_id", "title", "specific", "measurable_indicator", "measurable_target",
		"achievable_steps", "achievable_resources", "relevant", "target_date", "horizon", "participants", "status",
		"next_step_kind", "next_step_note", "gas_levels", "gas_attained", "created_at", "updated_at", "created_by",
		"updated_by", "version"},
	"goal_status_changes": {"id", "goal_id", "from_status", "to_status", "reason", "next_step_kind", "next_step_note",
		"occurred_at", "actor_id"},
	"goal_progress": {"id", "goal_id", "measured_on", "rater", "value", "note", "follow_up_id", "recorded_at", "recorded_by"},
	"follow_ups":    {"id", "case_id", "held_on", "next_follow_up_date", "note", "items", "created_at", "created_by"},
	"meetings": {"id", "case_id", "starts_at", "duration_minutes", "form", "place", "participants", "agenda_sent",
		"agenda", "summary", "agreements", "status", "created_at", "created_by", "updated_at", "updated_by", "version"},
	"fit_scores": {"id", "meeting_id", "case_id", "scale", "rater", "entered_by", "item1", "item2", "item3", "item4",
		"total", "recorded_at", "recorded_by", "version"},
	"checklists": {"id", "case_id", "phase", "iteration", "round", "principle_version", "created_at", "created_by",
		"updated_at", "updated_by", "left_at", "version"},
	"checklist_items": {"checklist_id", "principle", "applicability", "status", "note", "updated_at", "updated_by"},
	"audit_events": {"id", "occurred_at", "actor_id", "actor_role", "subject", "action", "case_id", "team_id",
		"request_id", "client_ip", "outcome", "detail"},
}

// loadOrder lists the tables parents first.
var loadOrder = []string{"cases", "case_phase_transitions", "goals", "goal_status_changes", "follow_ups",
	"goal_progress", "meetings", "fit_scores", "checklists", "checklist_items", "audit_events"}

// sink receives generated rows.
type sink interface {
	row(table string, vals ...any) error
}

// org is the municipality's staff as the generator needs it.
type org struct {
	Teams       []uuid.UUID
	Caseworkers [][]uuid.UUID // per team
	Leaders     []uuid.UUID   // per team
}

// principles is the principle × phase mapping of the built-in set.
type principles struct {
	Version string
	Codes   []string
	// Applicability per phase and code: core, optional or other.
	Applicability map[string]map[string]string
}

type generator struct {
	r     *rng
	sc    Scale
	org   org
	box   *secrets.Box
	pr    principles
	now   time.Time
	today time.Time
	// casesOnly generates cases and their phase history, nothing else (the
	// embedded database's copy).
	casesOnly bool
	counts    map[string]int
}

func newGenerator(sc Scale, o org, box *secrets.Box, pr principles, now time.Time, casesOnly bool) *generator {
	now = now.UTC().Truncate(time.Microsecond)
	y, m, d := now.Date()
	return &generator{r: newRNG(uint64(GeneratorVersion)<<32 | uint64(sc.Cases)), sc: sc, org: o, box: box, pr: pr,
		now: now, today: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), casesOnly: casesOnly, counts: map[string]int{}}
}

func (g *generator) emit(s sink, table string, vals ...any) error {
	g.counts[table]++
	return s.row(table, vals...)
}

func mustJSON(v any) doc {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("bench: marshal %T: %v", v, err))
	}
	return b
}

func dateOf(t time.Time) day {
	y, m, d := t.UTC().Date()
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

var phaseWeights = []int{13, 19, 17, 11, 12, 28} // sagsaabning … opfoelgning

// caseInfo is what the later tables of a case need to know about it.
type caseInfo struct {
	id, team, worker uuid.UUID
	opened, updated  time.Time
	end              time.Time // closed_at, or now
	open             bool
	phase            cases.Phase
	visits           []visit
	dreams           []uuid.UUID
	followUpEntered  *time.Time // when the case first reached opfølgning
}

// visit is one stay in a phase.
type visit struct {
	phase     cases.Phase
	iteration int
	from, to  time.Time // to is zero while the case is in it
}

// run generates the whole municipality into s.
func (g *generator) run(s sink) error {
	casesLeft := spread{left: g.sc.Goals, slots: g.sc.Cases}
	meetingsLeft := spread{left: g.sc.HeldMeetings, slots: g.sc.Cases}
	// Progress is spread over goals; the expected number of goals that can
	// carry progress (not drafts) sizes each case's share.
	progressLeft := g.sc.Progress
	goalsLeft := g.sc.Goals
	for i := range g.sc.Cases {
		c, err := g.caseRow(s, i)
		if err != nil {
			return err
		}
		if g.casesOnly {
			continue
		}
		weight := 1.2
		if c.phase == cases.PhaseOpening || c.phase == cases.PhaseInvestigation {
			weight = 0.4
		}
		nGoals := casesLeft.take(g.r, weight)
		// this case's share of the progress points, in proportion to its goals
		nProgress := 0
		if goalsLeft > 0 {
			nProgress = int(math.Round(float64(progressLeft) * float64(nGoals) / float64(goalsLeft)))
		}
		if i == g.sc.Cases-1 {
			nProgress = progressLeft
		}
		goalsLeft -= nGoals
		progressLeft -= nProgress
		if err := g.caseChildren(s, c, nGoals, nProgress, meetingsLeft.take(g.r, 1)); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) caseRow(s sink, i int) (caseInfo, error) {
	r := g.r
	team := i % len(g.org.Teams)
	c := caseInfo{id: r.uuid(), team: g.org.Teams[team]}
	workers := g.org.Caseworkers[team]
	c.worker = workers[r.IntN(len(workers))]

	// Opened in the last six years, more of them recently.
	age := time.Duration(math.Pow(r.Float64(), 1.4) * float64(6*365*24*time.Hour))
	c.opened = g.now.Add(-age - time.Hour).Truncate(time.Microsecond)
	c.phase = cases.Phases[r.weighted(phaseWeights)]
	closed := r.chance(0.15)
	c.open = !closed
	c.end = g.now
	if closed {
		c.end = r.instant(c.opened.Add(age/2), g.now)
	}
	c.updated = r.instant(c.opened.Add((c.end.Sub(c.opened))*3/4), c.end)
	if closed {
		c.updated = c.end
	}

	// The path through the phases up to the current one; some cases came
	// back from opfølgning for a second pass.
	pi := 0
	for j, p := range cases.Phases {
		if p == c.phase {
			pi = j
		}
	}
	var path []cases.Phase
	iteration := 1
	second := pi >= 1 && pi <= 4 && r.chance(0.08)
	skipOrder := r.chance(0.3)
	if second {
		for _, p := range cases.Phases {
			if p == cases.PhaseOrder && skipOrder {
				continue
			}
			path = append(path, p)
		}
		path = append(path, c.phase)
		iteration = 2
	} else {
		for _, p := range cases.Phases[:pi+1] {
			if p == cases.PhaseOrder && skipOrder && c.phase == cases.PhaseFollowUp {
				continue
			}
			path = append(path, p)
		}
	}
	// Moves happen between opening and the last change.
	times := make([]time.Time, len(path))
	times[0] = c.opened
	for j := 1; j < len(path); j++ {
		lo := times[j-1]
		hi := c.opened.Add(c.updated.Sub(c.opened) * time.Duration(j) / time.Duration(len(path)))
		if !hi.After(lo) {
			hi = lo.Add(time.Minute)
		}
		times[j] = r.instant(lo, hi)
	}
	it := 1
	var transitions [][]any
	for j, p := range path {
		if j > 0 && path[j-1] == cases.PhaseFollowUp {
			it = 2
		}
		v := visit{phase: p, iteration: it, from: times[j]}
		if j+1 < len(path) {
			v.to = times[j+1]
		} else if closed {
			v.to = c.end
		}
		c.visits = append(c.visits, v)
		if p == cases.PhaseFollowUp && c.followUpEntered == nil {
			t := times[j]
			c.followUpEntered = &t
		}
		from := ""
		if j > 0 {
			from = string(path[j-1])
		}
		// written after the case row, which they refer to
		transitions = append(transitions, []any{r.uuid(), c.id, from, string(p), it, times[j], c.worker, r.maybeNote(0.2, 1)})
	}

	female := r.chance(0.5)
	birth := time.Date(1940+r.IntN(66), time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365))
	birth = time.Date(birth.Year(), birth.Month(), min(birth.Day(), 28), 0, 0, 0, 0, time.UTC)
	cprText := r.replacementCPR(female, birth, i)
	cpr, err := cases.ParseCPR(cprText)
	if err != nil {
		return c, fmt.Errorf("generated CPR %s-xxxx is not valid: %w", cprText[:6], err)
	}
	enc, err := g.box.Seal("case.citizen_cpr", cpr.String())
	if err != nil {
		return c, err
	}
	bd, _ := cpr.BirthDate()
	name := r.person(cpr.Sex() == "female")

	dreams := []cases.Dream{}
	for range r.between(0, 4) {
		d := cases.Dream{ID: r.uuid(), Kind: r.pick(cases.DreamKinds), Text: r.pick(dreamTexts),
			ExpressedBy: "citizen", RecordedAt: r.instant(c.opened, c.updated)}
		if r.chance(0.1) {
			d.ExpressedBy = "network_on_behalf"
		}
		dreams = append(dreams, d)
		c.dreams = append(c.dreams, d.ID)
	}
	resources := []cases.Resource{}
	for range r.between(0, 4) {
		resources = append(resources, cases.Resource{ID: r.uuid(), Type: r.pick(cases.ResourceTypes),
			Description: r.pick(resourceTexts), Source: r.pick(cases.ResourceSources),
			ConfirmedByCitizen: r.chance(0.7), RecordedAt: r.instant(c.opened, c.updated)})
	}
	network := []cases.NetworkPerson{}
	for range r.between(0, 3) {
		network = append(network, cases.NetworkPerson{ID: r.uuid(), Name: r.person(r.chance(0.5)),
			Relation: r.pick(relations), Kind: r.pick(cases.NetworkKinds), ContactStatus: r.pick(cases.ContactStatuses),
			ConsentToInvolve: r.chance(0.6), Note: r.maybeNote(0.3, 1)})
	}
	contact := cases.ContactAgreement{MeetingFormats: []string{}, MeetingPlaces: []string{}, TimesOfDay: []string{}, Media: []string{}}
	if r.chance(0.7) {
		agreed := r.instant(c.opened, c.updated)
		contact = cases.ContactAgreement{
			MeetingFormats: r.some(cases.MeetingFormats, 1, 3), MeetingPlaces: r.some(cases.MeetingPlaces, 1, 3),
			TimesOfDay: r.some(cases.TimesOfDay, 1, 2), Media: r.some(cases.Media, 1, 3),
			PreferredFrequency: r.pick(cases.Frequencies), Closeness: r.pick(cases.Closeness),
			AgendaInAdvance: r.chance(0.6), Notes: r.maybeNote(0.3, 2),
			AgreedOn: agreed.Format(time.DateOnly), ReviewBy: agreed.AddDate(0, 6, 0).Format(time.DateOnly),
		}
	}
	expectations := []cases.Expectation{}
	for range r.between(0, 2) {
		held := r.instant(c.opened, c.updated)
		expectations = append(expectations, cases.Expectation{ID: r.uuid(), HeldOn: held.Format(time.DateOnly),
			Topics: r.some(cases.AlignmentTopics, 1, 3), WithRelatives: r.chance(0.3), Summary: r.note(3),
			NextReview: held.AddDate(0, 6, 0).Format(time.DateOnly)})
	}
	cadence := ""
	var next day
	if pi >= 4 || r.chance(0.2) {
		cadence = r.pick(cases.Frequencies[:7])
		if c.open {
			// about one in eight open cases is overdue
			next = dateOf(g.now.AddDate(0, 0, r.between(-40, 180)))
		}
	}
	legal := []string{"sel_82", "sel_85", "sel_107", "other"}[r.weighted([]int{15, 55, 15, 15})]
	var closedAt, reopenedAt *time.Time
	reason, closeNote, reopenNote := "", "", ""
	if closed {
		t := c.end
		closedAt = &t
		reason = r.pick(cases.ClosureReasons)
		closeNote = r.pick(closureNotes)
	} else if r.chance(0.03) {
		t := r.instant(c.opened, c.updated)
		reopenedAt = &t
		reopenNote = "Genåbnet efter henvendelse fra borgeren; \"vil gerne i gang igen\"."
		reason = r.pick(cases.ClosureReasons)
		closeNote = r.pick(closureNotes)
	}
	status := "open"
	if closed {
		status = "closed"
	}
	version := 1 + r.IntN(8)
	if err := g.emit(s, "cases", c.id, c.team, c.worker, name, strings.ToLower(name), enc,
		g.box.Hash("case.citizen_cpr", cpr.String()), cpr.Masked(), bd.Year(), cpr.Sex(), legal,
		r.maybeNote(0.3, 1), r.pick(cases.TargetGroups), string(c.phase), iteration, status, reason, closeNote,
		mustJSON(dreams), mustJSON(resources), mustJSON(network), mustJSON(contact), mustJSON(expectations),
		cadence, next, c.opened, closedAt, reopenedAt, reopenNote, c.opened, c.updated, c.worker, c.worker, version); err != nil {
		return c, err
	}
	for _, t := range transitions {
		if err := g.emit(s, "case_phase_transitions", t...); err != nil {
			return c, err
		}
	}
	return c, nil
}

type goalInfo struct {
	id      uuid.UUID
	created time.Time
	status  goals.Status
	main    bool
}

// caseChildren writes a case's goals with their history and progress, its
// follow-up reviews, meetings with FIT scores, checklists and audit history.
func (g *generator) caseChildren(s sink, c caseInfo, nGoals, nProgress, nHeld int) error {
	r := g.r
	// Follow-up reviews: after the case reached opfølgning.
	var followUps []uuid.UUID
	var reviewDays []time.Time
	if c.followUpEntered != nil {
		for range r.between(1, 4) {
			held := r.instant(*c.followUpEntered, c.end)
			followUps = append(followUps, r.uuid())
			reviewDays = append(reviewDays, held)
		}
	}

	var gs []goalInfo
	for j := range nGoals {
		gi := goalInfo{id: r.uuid(), created: r.instant(c.opened, c.updated), main: true}
		// About a third are sub-goals of one of the case's main goals (one level).
		var parent *uuid.UUID
		if j > 0 && r.chance(0.3) {
			var mains []uuid.UUID
			for _, x := range gs {
				if x.main {
					mains = append(mains, x.id)
				}
			}
			p := mains[r.IntN(len(mains))]
			parent, gi.main = &p, false
		}
		switch {
		case c.phase == cases.PhaseOpening || c.phase == cases.PhaseInvestigation:
			gi.status = []goals.Status{goals.Draft, goals.Active}[r.weighted([]int{60, 40})]
		default:
			gi.status = []goals.Status{goals.Draft, goals.Active, goals.Achieved, goals.Adjusted, goals.Discontinued}[r.weighted([]int{5, 55, 20, 12, 8})]
		}
		t := goalTexts[r.IntN(len(goalTexts))]
		title := t.title
		if parent != nil {
			title = r.pick(subGoalTitles)
		}
		var dream *uuid.UUID
		if parent == nil && len(c.dreams) > 0 {
			d := c.dreams[r.IntN(len(c.dreams))]
			dream = &d
		}
		participants := []goals.Participant{{Kind: "citizen"}, {Kind: "caseworker", Task: "Støtter og følger op"}}
		if r.chance(0.4) {
			participants = append(participants, goals.Participant{Kind: "provider", Name: "Bostøtten " + r.pick(teamAreas), Task: "Træner ruten sammen med borgeren"})
		}
		var gas doc
		var attained *int
		if r.chance(0.35) {
			gas = mustJSON(goals.GASLevels{MuchLess: "Ingen ture", Less: "1 tur om måneden", Expected: "2 ture om måneden",
				More: "1 tur om ugen", MuchMore: "Flere ture om ugen, også nye steder"})
			if gi.status != goals.Draft && r.chance(0.6) {
				a := r.between(-2, 2)
				attained = &a
			}
		}
		nextKind, nextNote := "", ""
		if gi.status == goals.Achieved {
			nextKind = r.pick(goals.NextStepKinds)
			nextNote = r.maybeNote(0.5, 1)
		}
		horizon := "short"
		if parent == nil && r.chance(0.5) {
			horizon = "long"
		}
		target := dateOf(gi.created.AddDate(0, r.between(3, 12), 0))
		updated := r.instant(gi.created, c.end)
		if err := g.emit(s, "goals", gi.id, c.id, parent, dream, title, t.specific, t.indicator, t.target, t.steps,
			t.resources, t.relevant, target, horizon, mustJSON(participants), string(gi.status), nextKind, nextNote,
			gas, attained, gi.created, updated, c.worker, c.worker, 1+r.IntN(4)); err != nil {
			return err
		}
		// Status history: written as a draft, then moved on.
		if err := g.emit(s, "goal_status_changes", r.uuid(), gi.id, "", string(goals.Draft), "", "", "", gi.created, c.worker); err != nil {
			return err
		}
		if gi.status != goals.Draft {
			at := r.instant(gi.created, updated)
			if err := g.emit(s, "goal_status_changes", r.uuid(), gi.id, string(goals.Draft), string(goals.Active), "", "", "", at, c.worker); err != nil {
				return err
			}
			if gi.status != goals.Active {
				reason := ""
				if gi.status != goals.Achieved {
					reason = r.note(1)
				}
				if err := g.emit(s, "goal_status_changes", r.uuid(), gi.id, string(goals.Active), string(gi.status), reason,
					nextKind, nextNote, updated, c.worker); err != nil {
					return err
				}
			}
		}
		gs = append(gs, gi)
	}

	// Follow-up rows, reviewing up to three goals each.
	for k, id := range followUps {
		var items []goals.ReviewedGoal
		for _, gi := range gs {
			if len(items) == 3 || gi.status == goals.Draft {
				continue
			}
			cv, wv := r.between(1, 10), r.between(1, 10)
			items = append(items, goals.ReviewedGoal{GoalID: gi.id, CitizenValue: &cv, CaseworkerValue: &wv, Decision: "keep"})
		}
		if items == nil {
			items = []goals.ReviewedGoal{}
		}
		held := dateOf(reviewDays[k])
		if err := g.emit(s, "follow_ups", id, c.id, held, dateOf(reviewDays[k].AddDate(0, 3, 0)), r.maybeNote(0.7, 4),
			mustJSON(items), reviewDays[k], c.worker); err != nil {
			return err
		}
	}

	// Progress points, spread over the goals that are not drafts.
	var measured []goalInfo
	for _, gi := range gs {
		if gi.status != goals.Draft {
			measured = append(measured, gi)
		}
	}
	if len(measured) == 0 && nProgress > 0 && len(gs) > 0 {
		measured = gs[:1]
	}
	if len(measured) > 0 {
		per := spread{left: nProgress, slots: len(measured)}
		for _, gi := range measured {
			n := per.take(r, 1)
			value := r.between(1, 5)
			for range n {
				on := r.instant(gi.created, c.end)
				var fu *uuid.UUID
				if len(followUps) > 0 && r.chance(0.3) {
					f := followUps[r.IntN(len(followUps))]
					fu = &f
				}
				value = max(1, min(10, value+r.between(-1, 2)))
				if err := g.emit(s, "goal_progress", r.uuid(), gi.id, dateOf(on), r.pick(goals.Raters), value,
					r.maybeNote(0.3, 3), fu, on.Add(time.Duration(r.IntN(36000))*time.Second).Truncate(time.Microsecond),
					c.worker); err != nil {
					return err
				}
			}
		}
	}

	if err := g.meetings(s, c, nHeld); err != nil {
		return err
	}
	if err := g.checklists(s, c); err != nil {
		return err
	}
	return g.audit(s, c)
}

func (g *generator) meetings(s sink, c caseInfo, nHeld int) error {
	r := g.r
	meeting := func(status meetings.Status, at time.Time) (uuid.UUID, int, error) {
		id := r.uuid()
		dur := []int{30, 45, 60, 60, 90}[r.IntN(5)]
		var agenda []meetings.AgendaItem
		for range r.between(1, 4) {
			by := meetings.AddedByCaseworker
			if r.chance(0.3) {
				by = meetings.AddedByCitizen
			}
			agenda = append(agenda, meetings.AgendaItem{ID: r.uuid(), Text: r.pick(agendaTexts), AddedBy: by,
				AddedAt: at.Add(-time.Duration(r.between(1, 240)) * time.Hour)})
		}
		participants := []meetings.Participant{{Kind: "citizen"}}
		if r.chance(0.3) {
			participants = append(participants, meetings.Participant{Kind: "relative", Name: r.person(r.chance(0.5))})
		}
		agreements := []meetings.Agreement{}
		summary := ""
		if status == meetings.Held {
			summary = r.note(4)
			for range r.between(0, 2) {
				agreements = append(agreements, meetings.Agreement{ID: r.uuid(), Text: r.pick(agreementTexts),
					Responsible: r.pick(meetings.Responsibles), DueDate: at.AddDate(0, 0, 14).Format(time.DateOnly)})
			}
		}
		created := at.Add(-time.Duration(r.between(24, 600)) * time.Hour)
		if created.Before(c.opened) {
			created = c.opened
		}
		err := g.emit(s, "meetings", id, c.id, at, dur, string(meetings.Forms[r.weighted([]int{35, 30, 12, 8, 12, 3})]),
			r.pick(placeTexts), mustJSON(participants), r.chance(0.6), mustJSON(agenda), summary, mustJSON(agreements),
			string(status), created, c.worker, at.Add(time.Duration(dur)*time.Minute), c.worker, 1+r.IntN(3))
		return id, dur, err
	}
	for range nHeld {
		at := r.instant(c.opened, c.end).Truncate(time.Minute)
		id, dur, err := meeting(meetings.Held, at)
		if err != nil {
			return err
		}
		recorded := at.Add(time.Duration(dur) * time.Minute)
		device := r.chance(0.6)
		for _, scale := range []string{"ors", "srs"} {
			base := 50
			if scale == "srs" {
				base = 80
			}
			var items [4]int
			total := 0
			for k := range items {
				items[k] = max(0, min(100, base+r.between(-30, 20)))
				total += items[k]
			}
			entered := "caseworker"
			var by *uuid.UUID
			if device {
				entered = "citizen_device"
			} else {
				w := c.worker
				by = &w
			}
			if err := g.emit(s, "fit_scores", r.uuid(), id, c.id, scale, "citizen", entered, items[0], items[1], items[2],
				items[3], total, recorded, by, 1); err != nil {
				return err
			}
		}
	}
	if c.open && r.chance(0.5) {
		if _, _, err := meeting(meetings.Planned, g.now.Add(time.Duration(r.between(24, 24*40))*time.Hour).Truncate(time.Minute)); err != nil {
			return err
		}
	}
	if r.chance(0.1) {
		if _, _, err := meeting(meetings.Cancelled, r.instant(c.opened, c.end).Truncate(time.Minute)); err != nil {
			return err
		}
	}
	return nil
}

var answered = []string{"applied", "partly_applied", "not_applied", "not_relevant_now"}

// checklists: most phase visits have the phase's checklist; a left phase's
// is mostly answered, the current one's partly.
func (g *generator) checklists(s sink, c caseInfo) error {
	r := g.r
	for _, v := range c.visits {
		if !r.chance(0.75) {
			continue
		}
		id := r.uuid()
		end := v.to
		if end.IsZero() {
			end = c.end
		}
		updated := r.instant(v.from, end)
		var left *time.Time
		if !v.to.IsZero() {
			t := v.to
			left = &t
		}
		if err := g.emit(s, "checklists", id, c.id, string(v.phase), v.iteration, 1, g.pr.Version, v.from, c.worker,
			updated, c.worker, left, 1+r.IntN(3)); err != nil {
			return err
		}
		pAnswer := 0.85
		if left == nil {
			pAnswer = 0.4
		}
		for _, code := range g.pr.Codes {
			app := g.pr.Applicability[string(v.phase)][code]
			status, note := "open", ""
			var at *time.Time
			var by *uuid.UUID
			if r.chance(pAnswer) {
				status = answered[r.weighted([]int{55, 25, 10, 10})]
				t := r.instant(v.from, updated)
				at = &t
				w := c.worker
				by = &w
				if status == "not_applied" || status == "not_relevant_now" {
					note = r.note(2)
				}
			}
			if err := g.emit(s, "checklist_items", id, code, app, status, note, at, by); err != nil {
				return err
			}
		}
	}
	return nil
}

var auditActions = []string{"case.read", "case.read", "case.read", "case.list", "case.list", "case.update", "case.phase"}

// audit writes the case's earlier reads and changes.
func (g *generator) audit(s sink, c caseInfo) error {
	r := g.r
	for range g.sc.AuditPerCase {
		var rid [8]byte
		v := r.Uint64()
		for k := range rid {
			rid[k] = byte(v >> (8 * k))
		}
		w := c.worker
		id, team := c.id, c.team
		if err := g.emit(s, "audit_events", r.uuid(), r.instant(c.opened, c.end), &w, "caseworker", "",
			r.pick(auditActions), &id, &team, hex.EncodeToString(rid[:]),
			fmt.Sprintf("10.%d.%d.%d", r.IntN(256), r.IntN(256), 1+r.IntN(254)), "success", ""); err != nil {
			return err
		}
	}
	return nil
}
