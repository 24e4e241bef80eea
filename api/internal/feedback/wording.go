package feedback

// Wording is how the scales and questions read in one language. BIC's
// defaults are short item names in our own words; a municipality with a
// licence may load the published wording of the scales instead.
type Wording struct {
	ORS       [4]string `json:"ors"`
	SRS       [4]string `json:"srs"`
	ORSAnchor [2]string `json:"ors_anchor"` // the ends of the line: low, high
	SRSAnchor [2]string `json:"srs_anchor"`
	ORSIntro  string    `json:"ors_intro"`
	SRSIntro  string    `json:"srs_intro"`
}

// Questions are the model's three systematic-feedback questions.
type Questions struct {
	MeetingOK   string `json:"meeting_ok"`
	TalkedAbout string `json:"talked_about"`
	Different   string `json:"different_next_time"`
	Topics      string `json:"topics"`
}

var defaultWording = map[string]Wording{
	"da": {
		ORS:       [4]string{"Mig selv", "Mine nære relationer", "Arbejde, skole og fritid", "Livet i det hele taget"},
		SRS:       [4]string{"Jeg følte mig hørt", "Vi talte om det, jeg ville", "Måden passede mig", "Mødet i det hele taget"},
		ORSAnchor: [2]string{"Dårligt", "Godt"},
		SRSAnchor: [2]string{"Slet ikke", "Helt"},
		ORSIntro:  "Hvordan har du haft det den seneste uge? Sæt et mærke på hver linje.",
		SRSIntro:  "Hvordan var mødet i dag? Sæt et mærke på hver linje.",
	},
	"en": {
		ORS:       [4]string{"Myself", "My close relationships", "Work, school and free time", "Life as a whole"},
		SRS:       [4]string{"I felt heard", "We talked about what I wanted", "The way we worked suited me", "The meeting as a whole"},
		ORSAnchor: [2]string{"Poorly", "Well"},
		SRSAnchor: [2]string{"Not at all", "Completely"},
		ORSIntro:  "How have you been this past week? Put a mark on each line.",
		SRSIntro:  "How was today's meeting? Put a mark on each line.",
	},
}

var questions = map[string]Questions{
	"da": {MeetingOK: "Var mødet i dag okay for dig?", TalkedAbout: "Talte vi nok om dine drømme og det, der er vigtigt for dig?",
		Different: "Er der noget, der skal være anderledes næste gang?", Topics: "Er der noget, du gerne vil tale om på mødet?"},
	"en": {MeetingOK: "Was today's meeting all right for you?", TalkedAbout: "Did we talk enough about your dreams and what matters to you?",
		Different: "Should anything be different next time?", Topics: "Is there anything you would like to talk about at the meeting?"},
}

// Langs are the languages with wording.
var Langs = []string{"da", "en"}
