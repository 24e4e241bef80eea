package meetings_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/meetings"
)

var today = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// ago is the date n days before today.
func ago(n int) time.Time { return today.AddDate(0, 0, -n) }

func held(daysAgo int, f meetings.Form) meetings.HeldMeeting {
	return meetings.HeldMeeting{On: ago(daysAgo), Form: f}
}

// render writes a comparison on one line: state, interval, what days count
// from and since when, days since, due date, held meetings by form (only
// forms with any), and the forms outside the agreement.
func render(c meetings.Contact) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s interval=%d from=%s %s days=%d", c.State, c.Interval, c.CountedFrom, c.Since.Format(time.DateOnly), c.DaysSince)
	if c.NextDue != nil {
		fmt.Fprintf(&b, " due=%s", c.NextDue.Format(time.DateOnly))
	}
	var counts []string
	for _, fc := range c.HeldByForm {
		if fc.Held > 0 {
			counts = append(counts, fmt.Sprintf("%s:%d", fc.Form, fc.Held))
		}
	}
	fmt.Fprintf(&b, " held=[%s]", strings.Join(counts, " "))
	var out []string
	for _, f := range c.OutsideAgreement {
		out = append(out, string(f))
	}
	fmt.Fprintf(&b, " outside=[%s]", strings.Join(out, " "))
	return b.String()
}

func TestContactAgainstTheAgreement(t *testing.T) {
	opened := ago(100)
	monthly := cases.ContactAgreement{PreferredFrequency: "monthly"}
	for _, tc := range []struct {
		name string
		ag   cases.ContactAgreement
		held []meetings.HeldMeeting
		want string
	}{
		{"without an agreement nothing is late, and days count from the case's opening", cases.ContactAgreement{}, nil,
			"no_agreement interval=0 from=case_opened 2026-08-16 days=100 held=[] outside=[]"},
		{"as needed sets no expectation, however long ago the last meeting was", cases.ContactAgreement{PreferredFrequency: "as_needed"},
			[]meetings.HeldMeeting{held(400, meetings.Office)},
			"no_agreement interval=0 from=last_meeting 2025-10-20 days=400 held=[] outside=[]"},
		{"monthly, last met 20 days ago: on track, due 31 days after that meeting", monthly,
			[]meetings.HeldMeeting{held(20, meetings.Office)},
			"on_track interval=31 from=last_meeting 2026-11-04 days=20 due=2026-12-05 held=[office:1] outside=[]"},
		{"monthly, last met 31 days ago: due today, still on track", monthly,
			[]meetings.HeldMeeting{held(31, meetings.Office)},
			"on_track interval=31 from=last_meeting 2026-10-24 days=31 due=2026-11-24 held=[office:1] outside=[]"},
		{"monthly, last met 32 days ago: overdue", monthly,
			[]meetings.HeldMeeting{held(32, meetings.Office)},
			"overdue interval=31 from=last_meeting 2026-10-23 days=32 due=2026-11-23 held=[office:1] outside=[]"},
		{"the last meeting is the latest one, in whatever order they come", monthly,
			[]meetings.HeldMeeting{held(60, meetings.Office), held(5, meetings.Home), held(40, meetings.Office)},
			"on_track interval=31 from=last_meeting 2026-11-19 days=5 due=2026-12-20 held=[office:2 home:1] outside=[]"},
		{"weekly, never met: days count from the day the agreement was made", cases.ContactAgreement{PreferredFrequency: "weekly", AgreedOn: ago(10).Format(time.DateOnly)},
			nil, "overdue interval=7 from=agreement 2026-11-14 days=10 due=2026-11-21 held=[] outside=[]"},
		{"weekly, never met, no agreement date: days count from the case's opening", cases.ContactAgreement{PreferredFrequency: "weekly"},
			nil, "overdue interval=7 from=case_opened 2026-08-16 days=100 due=2026-08-23 held=[] outside=[]"},
		{"half-yearly, 100 days after the opening, is not yet late", cases.ContactAgreement{PreferredFrequency: "half_yearly"},
			nil, "on_track interval=183 from=case_opened 2026-08-16 days=100 due=2027-02-15 held=[] outside=[]"},
		{"held meetings count by form over the last 90 days only", monthly,
			[]meetings.HeldMeeting{held(0, meetings.Phone), held(90, meetings.Video), held(91, meetings.Office), held(200, meetings.Home)},
			"on_track interval=31 from=last_meeting 2026-11-24 days=0 due=2026-12-25 held=[video:1 phone:1] outside=[]"},
		{"in-person forms map onto the agreed meeting formats; phone and video onto media",
			cases.ContactAgreement{PreferredFrequency: "monthly", MeetingFormats: []string{"seated_conversation", "walk_and_talk"}, Media: []string{"in_person", "video_call"}},
			[]meetings.HeldMeeting{held(1, meetings.Office), held(2, meetings.Home), held(3, meetings.WalkAndTalk), held(4, meetings.Video), held(5, meetings.Phone), held(6, meetings.Home)},
			"on_track interval=31 from=last_meeting 2026-11-23 days=1 due=2026-12-24 held=[office:1 home:2 walk_and_talk:1 video:1 phone:1] outside=[home phone]"},
		{"without agreed formats, in-person contact is covered by the medium in_person",
			cases.ContactAgreement{PreferredFrequency: "monthly", Media: []string{"in_person", "phone_call"}},
			[]meetings.HeldMeeting{held(1, meetings.Office), held(2, meetings.Home), held(3, meetings.Phone), held(4, meetings.Video)},
			"on_track interval=31 from=last_meeting 2026-11-23 days=1 due=2026-12-24 held=[office:1 home:1 video:1 phone:1] outside=[video]"},
		{"a home visit is not covered when only phone calls are agreed",
			cases.ContactAgreement{PreferredFrequency: "monthly", Media: []string{"phone_call"}},
			[]meetings.HeldMeeting{held(1, meetings.Home), held(2, meetings.Phone)},
			"on_track interval=31 from=last_meeting 2026-11-23 days=1 due=2026-12-24 held=[home:1 phone:1] outside=[home]"},
		{"other is never flagged", cases.ContactAgreement{PreferredFrequency: "monthly", Media: []string{"phone_call"}},
			[]meetings.HeldMeeting{held(1, meetings.OtherForm)},
			"on_track interval=31 from=last_meeting 2026-11-23 days=1 due=2026-12-24 held=[other:1] outside=[]"},
		{"an agreement without formats or media flags nothing", monthly,
			[]meetings.HeldMeeting{held(1, meetings.Home), held(2, meetings.Phone), held(3, meetings.Video)},
			"on_track interval=31 from=last_meeting 2026-11-23 days=1 due=2026-12-24 held=[home:1 video:1 phone:1] outside=[]"},
		{"meetings held before the agreement was made are not judged by it",
			cases.ContactAgreement{PreferredFrequency: "monthly", MeetingFormats: []string{"home_visit"}, AgreedOn: ago(10).Format(time.DateOnly)},
			[]meetings.HeldMeeting{held(11, meetings.Phone), held(10, meetings.Video), held(2, meetings.Home)},
			"on_track interval=31 from=last_meeting 2026-11-22 days=2 due=2026-12-23 held=[home:1 video:1 phone:1] outside=[video]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := meetings.CompareContact(tc.ag, opened, tc.held, today)
			if s := render(got); s != tc.want {
				t.Errorf("\n got %s\nwant %s", s, tc.want)
			}
			if len(got.HeldByForm) != len(meetings.Forms) {
				t.Errorf("held_by_form has %d forms, want all %d", len(got.HeldByForm), len(meetings.Forms))
			}
			if !got.WindowFrom.Equal(ago(meetings.WindowDays)) {
				t.Errorf("window from %s, want %s", got.WindowFrom, ago(meetings.WindowDays))
			}
		})
	}
}

func TestAgreedFrequenciesBecomeIntervals(t *testing.T) {
	for _, tc := range []struct {
		frequency string
		days      int
		ok        bool
	}{
		{"weekly", 7, true}, {"every_2_weeks", 14, true}, {"monthly", 31, true}, {"quarterly", 92, true},
		{"every_4_months", 123, true}, {"half_yearly", 183, true}, {"yearly", 366, true},
		{"as_needed", 0, false}, {"", 0, false}, {"fortnightly", 0, false},
	} {
		if days, ok := meetings.Interval(tc.frequency); days != tc.days || ok != tc.ok {
			t.Errorf("Interval(%q) = %d, %v; want %d, %v", tc.frequency, days, ok, tc.days, tc.ok)
		}
	}
	// Every frequency the cases domain offers has an answer here.
	for _, f := range cases.Frequencies {
		if _, ok := meetings.Interval(f); !ok && f != "as_needed" {
			t.Errorf("frequency %q of the contact agreement has no interval", f)
		}
	}
}
