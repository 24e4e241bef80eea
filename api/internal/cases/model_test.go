package cases

import (
	"testing"
	"time"
)

func TestParseCPR(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		ok        bool
		birth     string
		sex       string
		masked    string
		replaceNo bool
	}{
		{"ordinary number with dash", "010190-1235", true, "1990-01-01", "male", "010190-xxxx", false},
		{"ordinary number without dash", "0101901234", true, "1990-01-01", "female", "010190-xxxx", false},
		{"replacement number adds 60 to the day", "610190-1234", true, "1990-01-01", "female", "610190-xxxx", true},
		{"replacement number on the 31st", "911285-4001", true, "1985-12-31", "male", "911285-xxxx", true},
		{"7th digit 4 and year 36 or earlier is the 2000s", "010136-4000", true, "2036-01-01", "female", "010136-xxxx", false},
		{"7th digit 4 and year 37 or later is the 1900s", "010137-4000", true, "1937-01-01", "female", "010137-xxxx", false},
		{"7th digit 5 and year 58 or later is the 1800s", "010158-5000", true, "1858-01-01", "female", "010158-xxxx", false},
		{"7th digit 9 and year 10 is the 2000s", "150610-9001", true, "2010-06-15", "male", "150610-xxxx", false},
		{"leap day in a leap year", "290200-4000", true, "2000-02-29", "female", "290200-xxxx", false},
		{"numbers without modulus 11 are accepted", "010190-1111", true, "1990-01-01", "male", "010190-xxxx", false},
		{"leap day in a common year is refused", "290201-4000", false, "", "", "", false},
		{"31 February is refused", "310290-1234", false, "", "", "", false},
		{"month 13 is refused", "011390-1234", false, "", "", "", false},
		{"day 0 is refused", "000190-1234", false, "", "", "", false},
		{"day 32 is refused", "320190-1234", false, "", "", "", false},
		{"day 92 (replacement of 32) is refused", "920190-1234", false, "", "", "", false},
		{"letters are refused", "01019O-1234", false, "", "", "", false},
		{"too short", "010190-123", false, "", "", "", false},
		{"too long", "010190-12345", false, "", "", "", false},
		{"dash in the wrong place", "01019-01234", false, "", "", "", false},
		{"empty", "", false, "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCPR(tt.in)
			if (err == nil) != tt.ok {
				t.Fatalf("ParseCPR(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			}
			if !tt.ok {
				if err.Error() != "is not a valid CPR number (DDMMYY-SSSS)" {
					t.Errorf("message = %q", err.Error())
				}
				return
			}
			bd, _ := c.BirthDate()
			if got := bd.Format(time.DateOnly); got != tt.birth {
				t.Errorf("birth date = %s, want %s", got, tt.birth)
			}
			if c.Sex() != tt.sex {
				t.Errorf("sex = %s, want %s", c.Sex(), tt.sex)
			}
			if c.Masked() != tt.masked {
				t.Errorf("masked = %s, want %s", c.Masked(), tt.masked)
			}
			if c.Replacement() != tt.replaceNo {
				t.Errorf("replacement = %v, want %v", c.Replacement(), tt.replaceNo)
			}
		})
	}
}

func TestPhaseMoves(t *testing.T) {
	tests := []struct {
		from, to Phase
		ok       bool
	}{
		{PhaseOpening, PhaseInvestigation, true},
		{PhaseInvestigation, PhaseAssessment, true},
		{PhaseAssessment, PhaseDecision, true},
		{PhaseDecision, PhaseOrder, true},
		{PhaseOrder, PhaseFollowUp, true},
		{PhaseDecision, PhaseFollowUp, true},      // no provider: skip bestilling
		{PhaseDecision, PhaseInvestigation, true}, // refusal: back to investigation
		{PhaseFollowUp, PhaseInvestigation, true}, // new iteration
		{PhaseFollowUp, PhaseAssessment, true},    // new iteration
		{PhaseFollowUp, PhaseDecision, true},      // new iteration
		{PhaseFollowUp, PhaseOrder, true},         // new iteration
		{PhaseFollowUp, PhaseOpening, false},      // a case is opened once
		{PhaseOpening, PhaseAssessment, false},    // no skipping forward
		{PhaseInvestigation, PhaseOpening, false}, // no going back mid-way
		{PhaseOpening, PhaseOpening, false},       // no move to itself
		{PhaseOrder, PhaseDecision, false},
		{PhaseOpening, Phase("visitation"), false},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"→"+string(tt.to), func(t *testing.T) {
			if got := tt.from.CanMoveTo(tt.to); got != tt.ok {
				t.Errorf("CanMoveTo = %v, want %v", got, tt.ok)
			}
		})
	}
}
