package clock

import (
	"testing"
	"time"
)

func TestTodayFollowsTheMunicipalitysWallClock(t *testing.T) {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		now  string // UTC
		zone *time.Location
		want string
	}{
		{"00:30 in Copenhagen in winter is already the next day", "2026-11-24T23:30:00Z", cph, "2026-11-25"},
		{"01:30 in Copenhagen in summer is already the next day", "2026-06-30T23:30:00Z", cph, "2026-07-01"},
		{"mid-afternoon is the same day everywhere", "2026-11-24T14:00:00Z", cph, "2026-11-24"},
		{"without a zone, the UTC date", "2026-11-24T23:30:00Z", nil, "2026-11-24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now, _ := time.Parse(time.RFC3339, tt.now)
			var c Clock = &Fixed{T: now}
			if tt.zone != nil {
				c = Zoned{Clock: c, Loc: tt.zone}
			}
			if got := TodayOf(c).Format(time.DateOnly); got != tt.want {
				t.Errorf("TodayOf = %s, want %s", got, tt.want)
			}
		})
	}
}
