package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"
)

// rng is the generator's one source of randomness. It is seeded, so a scale
// always produces the same municipality (apart from the ids and password
// salts the app's own services make, and the CPR ciphertexts' nonces).
type rng struct{ *rand.Rand }

func newRNG(seed uint64) *rng { return &rng{rand.New(rand.NewPCG(seed, 0xB1C0B1C))} }

func (r *rng) pick(xs []string) string { return xs[r.IntN(len(xs))] }

func (r *rng) chance(p float64) bool { return r.Float64() < p }

// between returns an int in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// uuid is a version 4 UUID drawn from the seeded source.
func (r *rng) uuid() uuid.UUID {
	var u uuid.UUID
	a, b := r.Uint64(), r.Uint64()
	for i := range 8 {
		u[i] = byte(a >> (8 * i))
		u[8+i] = byte(b >> (8 * i))
	}
	u[6] = (u[6] & 0x0f) | 0x40
	u[8] = (u[8] & 0x3f) | 0x80
	return u
}

// weighted picks an index with the given weights.
func (r *rng) weighted(w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := r.IntN(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}

// some picks between lo and hi distinct values of xs, in xs's order.
func (r *rng) some(xs []string, lo, hi int) []string {
	n := r.between(lo, min(hi, len(xs)))
	keep := map[int]bool{}
	for _, i := range r.Perm(len(xs))[:n] {
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

// instant returns a time between from and to (to > from).
func (r *rng) instant(from, to time.Time) time.Time {
	d := to.Sub(from)
	if d <= 0 {
		return from
	}
	return from.Add(time.Duration(r.Int64N(int64(d)))).Truncate(time.Microsecond)
}

// spread hands out a total over n slots, each slot drawing around the mean
// of what is left so that the total comes out exact and the counts still
// vary. weight 0 gives the slot nothing.
type spread struct {
	left, slots int
}

func (s *spread) take(r *rng, weight float64) int {
	if s.slots <= 0 {
		return 0
	}
	s.slots--
	if s.slots == 0 {
		n := s.left
		s.left = 0
		return n
	}
	mean := float64(s.left) / float64(s.slots+1)
	n := int(mean*weight*(0.25+1.5*r.Float64()) + r.Float64())
	if n > s.left {
		n = s.left
	}
	s.left -= n
	return n
}

// --- names ---

var femaleNames = []string{
	"Anne", "Mette", "Kirsten", "Hanne", "Lene", "Camilla", "Louise", "Maria", "Line", "Sofie",
	"Ida", "Emma", "Freja", "Lærke", "Signe", "Birgitte", "Åse", "Bodil", "Grethe", "Inge",
	"Karen", "Maja", "Julie", "Nanna", "Tove", "Søs", "Britt", "Malene", "Dorthe", "Gitte",
	"Astrid", "Ellen", "Rikke", "Pernille", "Sanne", "Bente", "Else", "Jytte", "Ulla", "Mathilde",
}

var maleNames = []string{
	"Søren", "Jørgen", "Bjørn", "Jens", "Niels", "Lars", "Peter", "Henrik", "Michael", "Thomas",
	"Anders", "Mads", "Rasmus", "Kasper", "Mikkel", "Frederik", "Jonas", "Emil", "Ole", "Poul",
	"Erik", "Kåre", "Torben", "Bent", "Jesper", "Steen", "Jørn", "Aksel", "Carsten", "Finn",
	"Morten", "Kim", "Allan", "Brian", "Kenneth", "Oliver", "Magnus", "Viggo", "Asger", "Holger",
}

var surnames = []string{
	"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
	"Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
	"Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Frederiksen", "Kjær",
	"Nørgaard", "Østergaard", "Lund", "Holm", "Bech", "Dahl", "Skov", "Bækgaard", "Søndergaard",
	"Krogh", "Vestergaard", "Overgaard", "Damgaard", "Aagaard", "Lauridsen", "Brøndum", "Fløe",
	"Højgaard", "Kjærsgaard", "Bøgh", "Ravn", "Winther", "Friis", "Lykke", "Storgaard", "Brandt",
}

// person is a fictitious name: a common first name and one or two common
// surnames drawn independently.
func (r *rng) person(female bool) string {
	first := r.pick(maleNames)
	if female {
		first = r.pick(femaleNames)
	}
	last := r.pick(surnames)
	if r.chance(0.12) {
		last = r.pick(surnames) + " " + last
	}
	return first + " " + last
}

var teamAreas = []string{"Nord", "Syd", "Øst", "Vest", "Midt", "Centrum", "Havnen", "Skovbakken",
	"Ådalen", "Kærby", "Bøgely", "Strandvejen", "Engbo", "Højvang", "Søhøj", "Møllevangen", "Fjordsiden",
	"Lyngby", "Æblehaven", "Grønløkke"}

var teamKinds = []string{"Handicap og psykiatri", "Socialpsykiatri", "Udviklingshæmning", "Hjerneskade",
	"Autisme", "Bostøtte"}

// teamName is the i-th team's name; unique for i below 120.
func teamName(i int) string {
	return fmt.Sprintf("%s %s", teamKinds[i/len(teamAreas)%len(teamKinds)], teamAreas[i%len(teamAreas)])
}

// replacementCPR returns a replacement number (erstatningspersonnummer: the
// day of birth plus 60), so no generated number can be a real person's, with
// a 7th digit that gives the right century and a last digit that follows sex.
// n makes it unique: the serial digits 8–9 and the birth date spread it.
func (r *rng) replacementCPR(female bool, birth time.Time, serial int) string {
	y := birth.Year()
	var d7 int
	if y < 2000 {
		d7 = []int{0, 1, 2, 3}[r.IntN(4)]
	} else {
		d7 = []int{4, 9, 5, 6, 7, 8}[r.IntN(6)] // 2000–2036 / 2000–2057
	}
	last := (serial % 5) * 2 // even: female
	if !female {
		last++
	}
	return fmt.Sprintf("%02d%02d%02d%d%02d%d", birth.Day()+60, int(birth.Month()), y%100, d7, (serial/5)%100, last)
}

// --- text ---

var dreamTexts = []string{
	"Jeg vil gerne kunne tage bussen alene til min søster.",
	"Jeg drømmer om at få min egen lejlighed med plads til min kat.",
	"Jeg vil gerne have et arbejde, hvor jeg er sammen med andre. Måske i et køkken.",
	"Jeg håber, jeg kan sove bedre, så jeg orker mere om dagen.",
	"Jeg vil gerne lære at lave mad selv; i hvert fald tre retter, jeg kan lide.",
	"Jeg vil gerne kunne handle ind uden at få det dårligt, når der er kø.",
	"Jeg håber, jeg finder en ven at gå i biografen med.",
	"Jeg vil gerne spille fodbold igen. Bare for sjov, ikke for at vinde.",
	"Jeg drømmer om at tage kørekort.",
	"Jeg vil gerne selv styre mine penge, så jeg ikke løber tør sidst på måneden.",
	"Jeg håber, jeg kan se mine børn mere, end jeg gør nu.",
	"Jeg vil gerne tage et kursus på VUC og blive bedre til at læse.",
	"Jeg drømmer om at tage til Bornholm med min kæreste en sommer.",
	"Jeg vil gerne synge i et kor igen, ligesom da jeg var yngre.",
	"Jeg håber, jeg kan gå uden for døren uden at være bange.",
	"Jeg vil gerne hjælpe til i genbrugsbutikken nede i byen.",
	"Jeg drømmer om at få en hund, som jeg selv kan passe.",
	"Jeg vil gerne lære at bruge MitID, så jeg selv kan læse min digitale post.",
	"Det vigtigste for mig er, at jeg får lov at bestemme selv.",
	"Jeg vil gerne komme i svømmehallen hver uge.",
}

var resourceTexts = []string{
	"Er god til at tegne og bruger det til at falde til ro.",
	"Har en søster, der kommer hver søndag.",
	"Har tidligere arbejdet i et køkken og kan lide at lave mad.",
	"Går gerne ture med naboens hund.",
	"Er vellidt i klubben og hjælper de nye.",
	"Kan selv huske sine aftaler, når de står i kalenderen på telefonen.",
	"Er nysgerrig og stiller gode spørgsmål.",
	"Har været med i et kor i mange år.",
	"Er stolt af sin have og passer den selv.",
}

var relations = []string{"mor", "far", "søster", "bror", "datter", "søn", "nabo", "ven fra klubben",
	"tidligere kollega", "kontaktperson i bostøtten", "egen læge", "værge"}

var noteSentences = []string{
	"Borgeren fortæller, at det går bedre end sidst.",
	"Vi aftalte at tage det i små skridt.",
	"Borgeren siger: \"Jeg kan godt selv, hvis jeg får lidt tid.\"",
	"Søsteren var med på telefon; hun bakker op om planen.",
	"Det var svært at tale om økonomien i dag.",
	"Borgeren har været på biblioteket to gange; det er første gang i et år.",
	"Aftale om ny samtale om to uger. Borgeren vælger stedet.",
	"Træt efter en dårlig nat, men ville gerne gennemføre mødet.",
	"Vi gik en tur ved åen i stedet for at sidde på kontoret.",
	"Borgeren ønsker, at moren ikke deltager næste gang.",
	"Medicinen er justeret; borgeren oplever færre bivirkninger.",
	"Ny kontaktperson i bostøtten fra 1. marts.",
	"Borgeren kaldte det \"en god uge\" og viste billeder fra turen.",
	"Bussen var aflyst; vi øvede i stedet ruten på kortet.",
	"Borgeren har selv ringet til lægen; stor fremgang.",
	"Ønsker mere tid til at forberede sig før møder; dagsorden sendes i forvejen.",
	"Usikker på jobtræningen, men vil prøve én dag om ugen.",
	"Fik hjælp af naboen til at samle reolen; glad for det.",
}

// note is a short free text of one to four sentences; some run over several
// lines, as notes typed into a form do.
func (r *rng) note(maxSentences int) string {
	n := r.between(1, maxSentences)
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if r.chance(0.25) {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(r.pick(noteSentences))
	}
	return b.String()
}

// maybeNote is a note with probability p, else empty.
func (r *rng) maybeNote(p float64, maxSentences int) string {
	if !r.chance(p) {
		return ""
	}
	return r.note(maxSentences)
}

type goalText struct {
	title, specific, indicator, target, steps, resources, relevant string
}

var goalTexts = []goalText{
	{"Tage bussen alene til søsteren", "Borgeren kan tage bus 12 alene til søsteren i Kærby.", "Ture alene med bus pr. måned",
		"2 ture om måneden", "Øve ruten sammen; første tur med følge til stoppestedet", "Kender ruten; søsteren henter ved stoppestedet",
		"\"Så kan jeg se hende, når jeg selv vil.\""},
	{"Lave aftensmad selv tre dage om ugen", "Borgeren laver aftensmad fra bunden i eget køkken.", "Dage med selvlavet aftensmad pr. uge",
		"3 dage om ugen", "Lave madplan; handle ind med støtte; lave én ret ad gangen", "Har arbejdet i køkken; kan lide at lave mad",
		"Vil gerne spise sundere og spare penge."},
	{"Komme i svømmehallen hver uge", "Borgeren svømmer i den lokale svømmehal.", "Besøg i svømmehallen pr. måned",
		"4 besøg om måneden", "Finde tider med få gæster; tage med første gang", "Kan svømme; kan lide vand",
		"Får det bedre i kroppen; sover bedre."},
	{"Selv styre sin økonomi", "Borgeren har et budget og betaler selv sine regninger.", "Måneder uden at løbe tør for penge",
		"3 måneder i træk", "Lave budget i app; gennemgå kontoudtog hver fredag", "God til tal; motiveret",
		"Vil ikke skulle låne af familien."},
	{"Gå i klubben to aftener om ugen", "Borgeren deltager i aftenklubben på Møllevangen.", "Aftener i klubben pr. uge",
		"2 aftener", "Følges med kontaktpersonen de første gange", "Kender to fra klubben",
		"Vil gerne have flere venner."},
	{"Jobtræning i genbrugsbutikken", "Borgeren arbejder frivilligt i genbrugsbutikken.", "Timer i butikken pr. uge",
		"6 timer om ugen", "Møde lederen; aftale faste dage; evaluere efter en måned", "Ordenssans; god til kunder",
		"\"Jeg vil gerne være til nytte.\""},
	{"Sove bedre", "Borgeren har en fast døgnrytme med 7 timers søvn.", "Nætter med mindst 7 timers søvn pr. uge",
		"5 nætter", "Fast sengetid; ingen skærm efter kl. 22; søvndagbog", "Vil gerne; har prøvet før med held",
		"Orker mere om dagen."},
}

var subGoalTitles = []string{
	"Øve ruten med kontaktpersonen", "Lave en madplan for ugen", "Købe månedskort",
	"Finde tider med få gæster", "Oprette budget i appen", "Møde lederen i butikken",
	"Skrive søvndagbog i to uger", "Aftale faste dage", "Tage med første gang sammen med bostøtten",
}

var agendaTexts = []string{"Opfølgning på målene", "Hvordan er det gået siden sidst?", "Økonomi og budget",
	"Planen for jobtræningen", "Samarbejdet med bostøtten", "Ønsker til næste møde", "Bolig",
	"Min søsters fødselsdag", "Bustræning", "Medicin og søvn"}

var agreementTexts = []string{"Borgeren ringer til lægen og bestiller tid.", "Sagsbehandleren sender referat på e-Boks.",
	"Bostøtten følger med til første træning.", "Næste møde holdes hjemme hos borgeren.",
	"Borgeren prøver bussen alene én gang før næste møde."}

var placeTexts = []string{"Hjemme hos borgeren", "Rådhuset, mødelokale 2", "Café Æblehaven", "Ved åen",
	"Aktivitetscentret Møllevangen", "Bibliotekets læsesal", ""}

var closureNotes = []string{"Målene er nået; borgeren klarer sig selv.", "Borgeren er flyttet til en anden kommune.",
	"Borgeren ønsker ikke længere støtte; kan kontakte os igen.", "Overgået til anden indsats efter § 85."}
