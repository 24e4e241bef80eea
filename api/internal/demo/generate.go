package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
)

// rngSeed fixes the generator so every fresh demo database holds the same
// citizens, phases and texts (only ids and timestamps differ).
var rngSeed = [2]uint64{0xB1C, 2026}

// caseCount is how many cases are seeded.
const caseCount = 150

// phaseShare is how the cases spread over the phases (sums to caseCount).
var phaseShare = []struct {
	phase cases.Phase
	n     int
}{
	{cases.PhaseOpening, 20},
	{cases.PhaseInvestigation, 28},
	{cases.PhaseAssessment, 25},
	{cases.PhaseDecision, 17},
	{cases.PhaseOrder, 18},
	{cases.PhaseFollowUp, 42},
}

const (
	closedCount  = 15 // about 10 %
	overdueCount = 12
)

// plan is everything needed to seed one case.
type plan struct {
	team    int // index into teamSpecs
	worker  int // index into staffSpecs
	in      cases.NewCase
	path    []cases.Phase // moves after sagsaabning, in order
	notes   []string
	closed  *closure
	overdue bool
}

type generator struct {
	r     *rand.Rand
	today time.Time
	cprs  map[string]bool
}

func newGenerator(today time.Time) *generator {
	return &generator{r: rand.New(rand.NewPCG(rngSeed[0], rngSeed[1])), today: today, cprs: map[string]bool{}}
}

func (g *generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

// some picks between lo and hi distinct values from xs, in xs's order.
func (g *generator) some(xs []string, lo, hi int) []string {
	n := lo + g.r.IntN(hi-lo+1)
	idx := g.r.Perm(len(xs))[:n]
	keep := map[int]bool{}
	for _, i := range idx {
		keep[i] = true
	}
	out := make([]string, 0, n)
	for i, x := range xs {
		if keep[i] {
			out = append(out, x)
		}
	}
	return out
}

func (g *generator) date(daysFromToday int) string {
	return g.today.AddDate(0, 0, daysFromToday).Format(time.DateOnly)
}

// person returns a fictitious name; female is decided by the caller.
func (g *generator) person(female bool, surname string) string {
	first := g.pick(maleNames)
	if female {
		first = g.pick(femaleNames)
	}
	if surname == "" {
		surname = g.pick(surnames)
		if g.chance(0.12) {
			surname = g.pick(surnames) + " " + surname
		}
	}
	return first + " " + surname
}

// replacementCPR returns a replacement number (erstatningspersonnummer): the
// day of birth plus 60, a real date otherwise, and a 7th digit that gives the
// right century under the CPR office's rules. The last digit follows sex.
func (g *generator) replacementCPR(female bool) (string, int, error) {
	for range 1000 {
		y := 1940 + g.r.IntN(2005-1940+1)
		birth := time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.r.IntN(365))
		if birth.Year() != y {
			continue
		}
		yy := y % 100
		var d7 int
		if y < 2000 {
			d7 = []int{0, 1, 2, 3, 4, 9}[g.r.IntN(6)] // 4 and 9 mean 19xx when yy >= 37
		} else {
			d7 = []int{4, 9, 5, 6, 7, 8}[g.r.IntN(6)] // 2000–2036 / 2000–2057
		}
		last := g.r.IntN(5) * 2 // even: female
		if !female {
			last++
		}
		s := fmt.Sprintf("%02d%02d%02d%d%02d%d", birth.Day()+60, int(birth.Month()), yy, d7, g.r.IntN(100), last)
		if g.cprs[s] {
			continue
		}
		c, err := cases.ParseCPR(s)
		if err != nil {
			return "", 0, fmt.Errorf("generated replacement CPR is invalid: %w", err)
		}
		bd, _ := c.BirthDate()
		if !c.Replacement() || bd.Year() != y || bd.YearDay() != birth.YearDay() || (c.Sex() == "female") != female {
			return "", 0, fmt.Errorf("generated replacement CPR %s-xxxx does not decode to its birth date", s[:6])
		}
		g.cprs[s] = true
		return s, y, nil
	}
	return "", 0, fmt.Errorf("could not generate a unique replacement CPR")
}

// plans builds every case, deterministically from the seed.
func (g *generator) plans() ([]plan, error) {
	phases := make([]cases.Phase, 0, caseCount)
	for _, s := range phaseShare {
		for range s.n {
			phases = append(phases, s.phase)
		}
	}
	g.r.Shuffle(len(phases), func(i, j int) { phases[i], phases[j] = phases[j], phases[i] })

	out := make([]plan, len(phases))
	for i, ph := range phases {
		p, err := g.plan(i, ph)
		if err != nil {
			return nil, err
		}
		out[i] = p
	}
	g.markClosed(out)
	g.markOverdue(out)
	return out, nil
}

func (g *generator) plan(i int, target cases.Phase) (plan, error) {
	team := i % len(teamSpecs)
	workers := teamSpecs[team].caseworkers
	// A caseworker shared between two teams carries a lighter load in each.
	var own, shared []int
	for _, w := range workers {
		if staffSpecs[w].shared() {
			shared = append(shared, w)
		} else {
			own = append(own, w)
		}
	}
	var w int
	if len(shared) > 0 && (len(own) == 0 || g.chance(0.3)) {
		w = shared[g.r.IntN(len(shared))]
	} else {
		w = own[g.r.IntN(len(own))]
	}

	female := g.chance(0.5)
	name := g.person(female, "")
	cpr, birthYear, err := g.replacementCPR(female)
	if err != nil {
		return plan{}, err
	}

	tg := weighted(g, []string{"intellectual_impairment", "autism", "mental_health", "cognitive_impairment",
		"physical_impairment", "social_problems", "other"}, []int{24, 20, 22, 12, 10, 8, 4})
	basis := weighted(g, []string{"sel_85", "sel_107", "sel_82", "other"}, []int{55, 15, 15, 15})

	in := cases.NewCase{
		CitizenName:      name,
		CitizenCPR:       cpr,
		LegalBasis:       basis,
		LegalBasisNote:   g.pick(legalNotes[basis]),
		TargetGroup:      tg,
		Dreams:           g.dreams(female, tg),
		Resources:        g.resources(),
		Network:          g.network(name, birthYear),
		ContactAgreement: g.contact(target),
		Expectations:     g.expectations(target),
	}
	if phaseIndex(target) >= phaseIndex(cases.PhaseAssessment) || g.chance(0.4) {
		in.FollowUpCadence = cadenceFor(g, basis)
	}
	if phaseIndex(target) >= phaseIndex(cases.PhaseOrder) {
		// Next follow-up comfortably ahead; overdue cases are set later.
		in.NextFollowUp = g.date(7 + g.r.IntN(150))
	}

	path := g.path(target)
	notes := make([]string, len(path))
	from := cases.PhaseOpening
	for k, to := range path {
		notes[k] = g.pick(moveNotes[string(from)+">"+string(to)])
		from = to
	}
	return plan{team: team, worker: w, in: in, path: path, notes: notes}, nil
}

// path is the sequence of moves from sagsåbning that ends in target, one
// allowed step at a time; a few cases take a second round or a refusal.
func (g *generator) path(target cases.Phase) []cases.Phase {
	forward := func(to cases.Phase) []cases.Phase {
		var p []cases.Phase
		for _, ph := range cases.Phases[1:] {
			p = append(p, ph)
			if ph == to {
				break
			}
		}
		return p
	}
	toFollowUp := func() []cases.Phase {
		if g.chance(0.25) { // no provider ordered
			return []cases.Phase{cases.PhaseInvestigation, cases.PhaseAssessment, cases.PhaseDecision, cases.PhaseFollowUp}
		}
		return forward(cases.PhaseFollowUp)
	}
	switch target {
	case cases.PhaseOpening:
		return nil
	case cases.PhaseFollowUp:
		p := toFollowUp()
		if g.chance(0.15) { // second iteration with revised goals
			p = append(p, cases.PhaseAssessment, cases.PhaseDecision, cases.PhaseOrder, cases.PhaseFollowUp)
		}
		return p
	case cases.PhaseAssessment:
		if g.chance(0.12) {
			return append(toFollowUp(), cases.PhaseAssessment)
		}
	case cases.PhaseInvestigation:
		if g.chance(0.1) { // refused, looking at other options
			return append(forward(cases.PhaseDecision), cases.PhaseInvestigation)
		}
		if g.chance(0.06) {
			return append(toFollowUp(), cases.PhaseInvestigation)
		}
	case cases.PhaseDecision:
		if g.chance(0.1) {
			return append(toFollowUp(), cases.PhaseDecision)
		}
	}
	return forward(target)
}

func (g *generator) markClosed(ps []plan) {
	n := 0
	for _, i := range g.r.Perm(len(ps)) {
		if n == closedCount {
			return
		}
		ph := lastPhase(ps[i])
		opts := closuresByPhase[string(ph)]
		if len(opts) == 0 {
			continue
		}
		// Most closures happen at follow-up or after a refusal.
		if ph != cases.PhaseFollowUp && ph != cases.PhaseDecision && !g.chance(0.35) {
			continue
		}
		c := opts[g.r.IntN(len(opts))]
		ps[i].closed = &c
		n++
	}
}

func (g *generator) markOverdue(ps []plan) {
	n := 0
	for _, i := range g.r.Perm(len(ps)) {
		if n == overdueCount {
			return
		}
		ph := lastPhase(ps[i])
		if ps[i].closed != nil || (ph != cases.PhaseFollowUp && ph != cases.PhaseOrder) {
			continue
		}
		ps[i].overdue = true
		ps[i].in.NextFollowUp = g.date(-(2 + g.r.IntN(60)))
		if ps[i].in.FollowUpCadence == "" {
			ps[i].in.FollowUpCadence = "quarterly"
		}
		n++
	}
}

func lastPhase(p plan) cases.Phase {
	if len(p.path) == 0 {
		return cases.PhaseOpening
	}
	return p.path[len(p.path)-1]
}

func weighted(g *generator, xs []string, ws []int) string {
	total := 0
	for _, w := range ws {
		total += w
	}
	n := g.r.IntN(total)
	for i, w := range ws {
		if n < w {
			return xs[i]
		}
		n -= w
	}
	return xs[len(xs)-1]
}

// cadenceFor follows the examples in the domain notes: § 85 every four
// months, § 107 half-yearly, short preventive help quarterly.
func cadenceFor(g *generator, basis string) string {
	switch basis {
	case "sel_85":
		return weighted(g, []string{"every_4_months", "quarterly", "monthly"}, []int{70, 20, 10})
	case "sel_107":
		return weighted(g, []string{"half_yearly", "quarterly"}, []int{75, 25})
	case "sel_82":
		return weighted(g, []string{"quarterly", "monthly", "every_2_weeks"}, []int{60, 30, 10})
	}
	return weighted(g, []string{"half_yearly", "yearly", "as_needed"}, []int{50, 35, 15})
}

func (g *generator) dreams(female bool, targetGroup string) []cases.Dream {
	n := 1 + g.r.IntN(3)
	out := make([]cases.Dream, 0, n)
	pron := "Han"
	if female {
		pron = "Hun"
	}
	for _, i := range g.r.Perm(len(citizenDreams))[:n] {
		d := citizenDreams[i]
		out = append(out, cases.Dream{Kind: d.kind, Text: d.text, ExpressedBy: "citizen"})
	}
	// Citizens with an intellectual impairment sometimes have relatives or a
	// guardian put their wishes into words.
	if targetGroup == "intellectual_impairment" && g.chance(0.4) {
		d := onBehalfDreams[g.r.IntN(len(onBehalfDreams))]
		by := "network_on_behalf"
		if g.chance(0.25) {
			by = "guardian_on_behalf"
		}
		out[len(out)-1] = cases.Dream{Kind: d.kind, Text: fmt.Sprintf(d.text, pron), ExpressedBy: by}
	}
	return out
}

func (g *generator) resources() []cases.Resource {
	n := 1 + g.r.IntN(3)
	out := make([]cases.Resource, 0, n)
	for _, i := range g.r.Perm(len(resourceTexts))[:n] {
		rt := resourceTexts[i]
		src := weighted(g, []string{"citizen", "caseworker", "relative", "provider"}, []int{50, 25, 15, 10})
		out = append(out, cases.Resource{Type: rt.typ, Description: rt.text, Source: src,
			ConfirmedByCitizen: src == "citizen" || g.chance(0.7)})
	}
	return out
}

// network picks 1–4 people around the citizen, leaving out relations that
// do not fit the citizen's age (parents of the oldest, children of the
// youngest).
func (g *generator) network(citizen string, birthYear int) []cases.NetworkPerson {
	var fits []networkRole
	for _, r := range networkRoles {
		switch {
		case birthYear < 1962 && (r.relation == "mor" || r.relation == "far"):
		case birthYear > 1996 && (r.relation == "datter" || r.relation == "søn"):
		default:
			fits = append(fits, r)
		}
	}
	n := 1 + g.r.IntN(4)
	surname := citizen[strings.LastIndex(citizen, " ")+1:]
	out := make([]cases.NetworkPerson, 0, n)
	for _, i := range g.r.Perm(len(fits))[:n] {
		role := fits[i]
		female := role.female == 1 || (role.female == -1 && g.chance(0.5))
		sn := ""
		if role.family && g.chance(0.7) {
			sn = surname
		}
		p := cases.NetworkPerson{Name: g.person(female, sn), Relation: role.relation, Kind: role.kind,
			ContactStatus:    weighted(g, []string{"active", "dormant", "conflictual"}, []int{80, 15, 5}),
			ConsentToInvolve: g.chance(0.8)}
		switch {
		case !p.ConsentToInvolve:
			p.Note = g.pick(noConsentNotes)
		case g.chance(0.3):
			p.Note = g.pick(networkNotes)
		}
		out = append(out, p)
	}
	return out
}

func (g *generator) contact(target cases.Phase) cases.ContactAgreement {
	c := cases.ContactAgreement{
		MeetingFormats:     g.some(cases.MeetingFormats[:7], 1, 2),
		MeetingPlaces:      g.some(cases.MeetingPlaces[:9], 1, 2),
		TimesOfDay:         g.some(cases.TimesOfDay, 1, 2),
		Media:              g.some(cases.Media, 1, 3),
		PreferredFrequency: weighted(g, []string{"weekly", "every_2_weeks", "monthly", "as_needed"}, []int{15, 35, 35, 15}),
		Closeness:          weighted(g, []string{"close", "standard", "minimal"}, []int{30, 55, 15}),
		AgendaInAdvance:    g.chance(0.55),
	}
	if contains(c.TimesOfDay, "no_preference") {
		c.TimesOfDay = []string{"no_preference"}
	}
	if g.chance(0.5) {
		c.TimeNotes = g.pick(timeNotes)
	}
	if g.chance(0.4) {
		c.AvoidConditions = g.pick(avoidTexts)
	}
	if g.chance(0.4) {
		c.Notes = g.pick(contactNotes)
	}
	agreedAgo := 3 + g.r.IntN(20) + 40*phaseIndex(target)
	c.AgreedOn = g.date(-agreedAgo)
	c.ReviewBy = g.date(-agreedAgo + 180)
	return c
}

func (g *generator) expectations(target cases.Phase) []cases.Expectation {
	n := g.r.IntN(3)
	if target == cases.PhaseOpening && n > 1 {
		n = 1
	}
	out := make([]cases.Expectation, 0, n)
	ago := 5 + 40*phaseIndex(target) + g.r.IntN(20)
	for _, i := range g.r.Perm(len(alignments))[:n] {
		a := alignments[i]
		e := cases.Expectation{HeldOn: g.date(-ago), Topics: append([]string(nil), a.topics...),
			WithRelatives: a.relatives, Summary: a.summary}
		if g.chance(0.6) {
			e.NextReview = g.date(-ago + 90 + g.r.IntN(90))
		}
		out = append(out, e)
		ago -= 10 + g.r.IntN(30)
		if ago < 0 {
			ago = 0
		}
	}
	return out
}

func phaseIndex(p cases.Phase) int {
	for i, q := range cases.Phases {
		if q == p {
			return i
		}
	}
	return -1
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
