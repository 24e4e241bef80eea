package demo

// Word lists and phrases for the synthetic cases. Every name is a common
// Danish first name or surname combined at random, so no combination is meant
// to be a real person; every sentence is written for this demo.

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

// dreamText is a dream in the citizen's own words.
type dreamText struct {
	kind, text string
}

var citizenDreams = []dreamText{
	{"wish", "Jeg vil gerne kunne tage bussen alene til min søster."},
	{"dream", "Jeg drømmer om at få min egen lejlighed med plads til min kat."},
	{"wish", "Jeg vil gerne have et arbejde, hvor jeg er sammen med andre. Måske i et køkken."},
	{"hope", "Jeg håber, jeg kan sove bedre, så jeg orker mere om dagen."},
	{"wish", "Jeg vil gerne lære at lave mad selv. I hvert fald tre retter, jeg kan lide."},
	{"wish", "Jeg vil gerne kunne handle ind uden at få det dårligt, når der er kø."},
	{"hope", "Jeg håber, jeg finder en ven at gå i biografen med."},
	{"dream", "Jeg vil gerne spille fodbold igen. Bare for sjov, ikke for at vinde."},
	{"dream", "Jeg drømmer om at tage kørekort."},
	{"wish", "Jeg vil gerne selv styre mine penge, så jeg ikke løber tør sidst på måneden."},
	{"hope", "Jeg håber, jeg kan se mine børn mere, end jeg gør nu."},
	{"wish", "Jeg vil gerne tage et kursus på VUC og blive bedre til at læse."},
	{"wish", "Jeg vil gerne gå en tur i skoven uden at skulle have nogen med."},
	{"hope", "Jeg håber, min lejlighed bliver et sted, jeg har lyst til at invitere folk hjem i."},
	{"wish", "Jeg vil gerne have en fast hverdag, hvor jeg står op og har noget at lave."},
	{"dream", "Jeg drømmer om at tage til Bornholm med min kæreste en sommer."},
	{"wish", "Jeg vil gerne kunne klare min medicin selv."},
	{"dream", "Jeg vil gerne synge i et kor igen, ligesom da jeg var yngre."},
	{"hope", "Jeg håber, jeg kan gå uden for døren uden at være bange."},
	{"wish", "Jeg vil gerne kunne skrive beskeder til min familie på telefonen."},
	{"wish", "Jeg vil gerne hjælpe til i genbrugsbutikken nede i byen."},
	{"dream", "Jeg drømmer om at få en hund, som jeg selv kan passe."},
	{"wish", "Jeg vil gerne have styr på min post og mine regninger."},
	{"wish", "Jeg vil gerne cykle selv til træning om torsdagen."},
	{"wish", "Jeg vil gerne bo tættere på min mor."},
	{"hope", "Jeg håber, jeg bliver bedre til at sige fra, når andre bestemmer for meget."},
	{"wish", "Jeg vil gerne lære at bruge MitID, så jeg selv kan læse min digitale post."},
	{"dream", "Jeg drømmer om at arbejde med heste."},
	{"hope", "Jeg håber, at jeg kan få en kæreste."},
	{"wish", "Jeg vil gerne kunne lave kaffe til mine gæster uden hjælp."},
	{"unspecified", "Det vigtigste for mig er, at jeg får lov at bestemme selv."},
	{"wish", "Jeg vil gerne komme i svømmehallen hver uge."},
	{"dream", "Jeg drømmer om at blive frivillig i fodboldklubben og hjælpe med de små hold."},
	{"hope", "Jeg håber, jeg kan blive boende i mit hus, selvom det er svært med trapperne."},
}

// onBehalfDreams are told by relatives or a guardian; %s is Hun or Han.
var onBehalfDreams = []dreamText{
	{"wish", "%s bliver glad, når der er dyr omkring, og vil gerne besøge en bondegård hver måned."},
	{"hope", "%s viser tydeligt, at det er rart at komme ud i naturen. Familien håber på flere ture."},
	{"wish", "%s peger på billeder af svømmehallen og vil gerne derhen hver uge."},
	{"unspecified", "%s trives bedst med faste rutiner og ønsker at kende ugens plan på forhånd."},
	{"wish", "%s vil gerne være mere sammen med sin bror, fortæller familien."},
	{"hope", "%s har altid holdt af musik. Familien håber, der kan findes et sted at spille sammen med andre."},
}

// resourceText is something the citizen has to build on.
type resourceText struct {
	typ, text string
}

var resourceTexts = []resourceText{
	{"skill", "Er god til at lave mad, når der er en opskrift med billeder."},
	{"skill", "Kan selv tage toget på strækninger, der er kendte."},
	{"skill", "Er dygtig til computer og hjælper gerne andre med deres telefon."},
	{"skill", "Holder selv orden i lejligheden og vasker tøj hver uge."},
	{"skill", "Tegner flot og har lavet kort til hele familien."},
	{"motivation", "Vil gerne selv og siger tydeligt, hvad der er vigtigt."},
	{"motivation", "Har lyst til at komme i gang med noget arbejde, gerne få timer først."},
	{"motivation", "Er meget motiveret for at flytte i egen bolig."},
	{"good_experience", "Havde en god periode i praktik i en børnehave for nogle år siden."},
	{"good_experience", "Har tidligere boet alene i tre år og klarede det godt."},
	{"good_experience", "Har før haft gavn af et gruppeforløb og kan lide at lære sammen med andre."},
	{"interest", "Interesserer sig for fodbold og følger den lokale klub."},
	{"interest", "Holder af musik og spiller lidt guitar."},
	{"interest", "Går meget op i dyr, især heste."},
	{"interest", "Er glad for at fiske og kender de gode steder ved åen."},
	{"interest", "Bager gerne og tager kage med til andre."},
	{"person_family", "Har tæt kontakt med sin søster, som gerne vil hjælpe."},
	{"person_family", "Forældrene bakker op og kan køre til møder."},
	{"person_network", "Har en god nabo, der kigger ind et par gange om ugen."},
	{"person_network", "En gammel klassekammerat ringer jævnligt."},
	{"civil_society", "Kommer på værestedet om tirsdagen og kender flere der."},
	{"civil_society", "Går med i en gåklub i lokalområdet."},
	{"civil_society", "Er frivillig i genbrugsbutikken to timer om ugen."},
	{"other", "Har fået et nyt høreapparat, der gør samtaler meget lettere."},
	{"other", "Har en stabil økonomi og en bolig, der passer til behovene."},
}

// networkRole is a kind of person around the citizen.
type networkRole struct {
	relation, kind string
	family         bool // may share the citizen's surname
	female         int  // 1 female, 0 male, -1 either
}

var networkRoles = []networkRole{
	{"mor", "family", true, 1},
	{"far", "family", true, 0},
	{"søster", "family", true, 1},
	{"bror", "family", true, 0},
	{"datter", "family", true, 1},
	{"søn", "family", true, 0},
	{"moster", "family", false, 1},
	{"kæreste", "family", false, -1},
	{"ven fra skolen", "friend", false, -1},
	{"ven fra værestedet", "friend", false, -1},
	{"nabo", "neighbour", false, -1},
	{"kollega i beskyttet beskæftigelse", "colleague", false, -1},
	{"bostøttemedarbejder", "professional", false, -1},
	{"kontaktperson på bostedet", "professional", false, -1},
	{"egen læge", "professional", false, -1},
	{"mentor fra jobcentret", "professional", false, -1},
	{"ergoterapeut", "professional", false, -1},
	{"frivillig besøgsven", "civil_society", false, -1},
	{"træner i bordtennisklubben", "civil_society", false, -1},
	{"værge", "other", false, -1},
}

var networkNotes = []string{
	"Vil gerne inviteres til møder, når borgeren ønsker det.",
	"Kan kontaktes på sms i dagtimerne.",
	"Har hjulpet med at forberede samtalen om drømme.",
	"Ser borgeren hver weekend.",
	"Kender borgeren fra mange år tilbage.",
}

var noConsentNotes = []string{
	"Borgeren ønsker ikke, at vi kontakter denne person lige nu.",
	"Borgeren vil selv fortælle om forløbet først.",
}

var timeNotes = []string{
	"Bedst efter kl. 10.",
	"Ikke om tirsdagen, der er praktik.",
	"Helst før frokost, eftermiddagen er tung.",
	"Ikke i weekenden.",
	"Korte møder på højst en time.",
}

var avoidTexts = []string{
	"Vil ikke sidde i venteværelset. Hentes ved indgangen.",
	"Store møder med mange fagfolk gør borgeren utryg.",
	"Ring ikke fra skjult nummer, så bliver telefonen ikke taget.",
	"Undgå lokaler med meget larm.",
	"Ingen uanmeldte hjemmebesøg.",
}

var contactNotes = []string{
	"Send gerne en sms dagen før mødet som påmindelse.",
	"Borgeren vil gerne have en kort skriftlig opsummering efter hvert møde.",
	"En pårørende må gerne være med, hvis borgeren selv spørger.",
	"Brug billeder og korte sætninger i breve.",
	"Mødet kan flyttes med kort varsel, hvis det er en dårlig dag.",
}

// alignment is one expectation-alignment round written in plain language.
type alignment struct {
	topics    []string
	relatives bool
	summary   string
}

var alignments = []alignment{
	{[]string{"information_frequency"}, false,
		"Vi har aftalt, at du får svar inden for to hverdage, når du skriver en sms til mig."},
	{[]string{"process_and_timeline", "waiting_time"}, false,
		"Vi har talt om, at det tager cirka tre måneder, før der kan træffes en afgørelse, og hvad vi laver imens."},
	{[]string{"role_of_relatives"}, true,
		"Dine pårørende må gerne være med til møderne, men du bestemmer selv, hvad vi fortæller dem."},
	{[]string{"support_scope_and_limits", "provider_role"}, false,
		"Vi har talt om, hvad en bostøtte kan hjælpe med, og hvad den ikke kan."},
	{[]string{"resource_focus_meaning"}, false,
		"Når vi taler om det, du er god til, betyder det ikke, at du får mindre hjælp."},
	{[]string{"follow_up_purpose"}, false,
		"Opfølgningen er til for at se, om hjælpen stadig passer til dig. Den er ikke til for at tage hjælpen fra dig."},
	{[]string{"caseworker_role"}, false,
		"Jeg er din faste rådgiver. Hvis jeg er syg, ringer en kollega fra teamet til dig."},
	{[]string{"waiting_time", "meeting_forms"}, false,
		"Der er ventetid på bostøtte. Imens mødes vi hver anden uge og går en tur."},
	{[]string{"meeting_forms", "information_frequency"}, false,
		"Du får en dagsorden en uge før hvert møde, så du kan forberede dig."},
	{[]string{"provider_role", "follow_up_purpose"}, true,
		"Udføreren laver en plan sammen med dig, og vi følger op sammen hver fjerde måned. Din familie er velkommen."},
	{[]string{"process_and_timeline", "role_of_relatives"}, true,
		"Vi har gennemgået forløbet med dig og din familie. De får besked, når der er nyt, hvis du siger ja."},
	{[]string{"other"}, false,
		"Du vil helst ikke have breve. Vi skriver i stedet en sms og ringer, hvis noget er vigtigt."},
}

// legalNotes give a short, plain note per legal basis.
var legalNotes = map[string][]string{
	"sel_82": {
		"Tidlig forebyggende indsats i et gruppeforløb.",
		"Kortvarig hjælp uden visitation, op til 12 uger.",
	},
	"sel_85": {
		"Socialpædagogisk støtte i eget hjem, ca. 3 timer om ugen.",
		"Bostøtte med fokus på økonomi og hverdagsstruktur.",
		"Støtte til at komme ud og deltage i fællesskaber.",
	},
	"sel_107": {
		"Midlertidigt botilbud med plan for flytning til egen bolig.",
		"Midlertidigt ophold efter udskrivning, med genoptræning af hverdagen.",
	},
	"other": {
		"SEL § 97 – ledsagelse.",
		"SEL § 103 – beskyttet beskæftigelse.",
		"SEL § 104 – aktivitets- og samværstilbud.",
		"SEL § 100 – dækning af merudgifter.",
	},
}

// moveNotes are phase-history notes keyed by "from>to".
var moveNotes = map[string][]string{
	"sagsaabning>sagsoplysning": {
		"Første samtale holdt hjemme hos borgeren. Samtykke til at indhente oplysninger er givet.",
		"Vi har talt om drømme og kontaktform. Borgeren vil gerne i gang.",
		"Første møde på en gåtur. Borgeren har sagt ja til, at vi taler med egen læge.",
	},
	"sagsoplysning>sagsvurdering": {
		"Udredning færdig. Ressourcer og netværk er beskrevet sammen med borgeren.",
		"Oplysninger fra læge og bosted er modtaget. Borgeren har læst beskrivelsen af sine ressourcer.",
		"Netværkskort lavet sammen med borgeren og en pårørende.",
	},
	"sagsvurdering>afgoerelse": {
		"Mål formuleret ud fra borgerens drømme. Klar til afgørelse.",
		"Handleplan skrevet med borgeren. Forelægges på visitationsmødet.",
	},
	"afgoerelse>bestilling": {
		"Bevilget. Afgørelsen er forklaret mundtligt og sendt med Digital Post.",
		"Bevilget som ansøgt. Borgeren har valgt udfører.",
	},
	"afgoerelse>opfoelgning": {
		"Afgørelse truffet. Der bestilles ikke hos en udfører; opfølgning aftalt.",
	},
	"afgoerelse>sagsoplysning": {
		"Afslag på den ansøgte indsats. Vi undersøger andre muligheder sammen med borgeren.",
	},
	"bestilling>opfoelgning": {
		"Bestilling sendt. Udfører og borger har beskrevet delmål sammen.",
		"Udfører er i gang. Første opfølgning aftalt med borgeren.",
	},
	"opfoelgning>sagsvurdering": {
		"Opfølgning: målene er delvist nået. Vi justerer planen sammen.",
		"Borgeren har nye ønsker. Målene skal skrives om.",
	},
	"opfoelgning>sagsoplysning": {
		"Ændrede behov efter indlæggelse. Udredningen opdateres.",
	},
	"opfoelgning>afgoerelse": {
		"Behov for flere timer. Ny afgørelse om omfang.",
	},
}

// closure is a reason with a short note that fits it.
type closure struct {
	reason, note string
}

var closuresByPhase = map[string][]closure{
	"opfoelgning": {
		{"goals_achieved", "Borgeren har nået sine mål. Vi har aftalt, hvordan borgeren kan kontakte os igen."},
		{"goals_achieved", "Målene er nået. Borgeren ved, at sagen kan åbnes igen, hvis behovet kommer tilbage."},
		{"goals_achieved", "Borgeren bor nu i egen bolig og har et netværk, der støtter. Afsluttet sammen med borgeren."},
		{"no_longer_needed", "Borgeren klarer hverdagen selv nu. Afsluttet efter aftale."},
		{"no_longer_needed", "Støtten er ikke længere nødvendig. Værestedet og familien støtter i hverdagen."},
		{"moved", "Borgeren er flyttet til en anden kommune. Sagen er sendt videre."},
		{"deceased", "Borgeren er død. Familien er orienteret om lukningen."},
	},
	"afgoerelse": {
		{"refused", "Afslag. Borgeren er vejledt om klagemuligheder og om tilbud uden visitation."},
	},
	"sagsaabning": {
		{"citizen_withdrew", "Borgeren har trukket ansøgningen tilbage for nu."},
		{"transferred", "Sagen hører til i jobcentret og er overdraget dertil."},
	},
	"sagsoplysning": {
		{"citizen_withdrew", "Borgeren ønsker ikke at fortsætte forløbet lige nu."},
		{"no_longer_needed", "Rådgivning og vejledning var nok. Afsluttet efter aftale."},
	},
	"sagsvurdering": {
		{"moved", "Borgeren er flyttet. Sagen er sendt til den nye kommune."},
		{"other", "Borgeren får hjælp gennem en anden sag. Afsluttet her."},
	},
	"bestilling": {
		{"citizen_withdrew", "Borgeren har takket nej til den bestilte indsats."},
	},
}
