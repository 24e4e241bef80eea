package cases

import (
	"errors"
	"strings"
	"time"
)

// CPR is a validated Danish personal identification number, held as ten digits.
// It is never logged, never put in a URL and never returned unmasked except by
// the audited reveal endpoint.
type CPR struct{ digits string }

var errCPR = errors.New("is not a valid CPR number (DDMMYY-SSSS)")

// ParseCPR accepts "DDMMYYSSSS" or "DDMMYY-SSSS". The date part must be a real
// date; replacement numbers (erstatningspersonnumre) add 60 to the day and are
// accepted. The modulus-11 check is not applied: numbers without it have been
// issued since 2007.
func ParseCPR(s string) (CPR, error) {
	s = strings.TrimSpace(s)
	if len(s) == 11 && s[6] == '-' {
		s = s[:6] + s[7:]
	}
	if len(s) != 10 {
		return CPR{}, errCPR
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return CPR{}, errCPR
		}
	}
	c := CPR{digits: s}
	if _, err := c.BirthDate(); err != nil {
		return CPR{}, errCPR
	}
	return c, nil
}

func num(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// Replacement reports whether this is a replacement number (day + 60).
func (c CPR) Replacement() bool { return num(c.digits[0:2]) > 60 }

// BirthDate derives the date of birth, using the 7th digit for the century as
// the CPR office specifies.
func (c CPR) BirthDate() (time.Time, error) {
	day, month, yy := num(c.digits[0:2]), num(c.digits[2:4]), num(c.digits[4:6])
	if day > 60 {
		day -= 60
	}
	d7 := num(c.digits[6:7])
	var century int
	switch {
	case d7 <= 3:
		century = 1900
	case d7 == 4 || d7 == 9:
		century = 2000
		if yy >= 37 {
			century = 1900
		}
	default: // 5–8
		century = 2000
		if yy >= 58 {
			century = 1800
		}
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, errCPR
	}
	t := time.Date(century+yy, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || int(t.Month()) != month {
		return time.Time{}, errCPR // e.g. 31 February
	}
	return t, nil
}

// Sex follows the last digit: odd for male, even for female.
func (c CPR) Sex() string {
	if num(c.digits[9:10])%2 == 1 {
		return "male"
	}
	return "female"
}

// String returns the ten digits. Use it only to encrypt, hash or reveal.
func (c CPR) String() string { return c.digits }

// Masked shows the date part only: "010190-xxxx".
func (c CPR) Masked() string { return c.digits[:6] + "-xxxx" }

// IsZero reports whether c is unset.
func (c CPR) IsZero() bool { return c.digits == "" }
