package bench

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/app"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/feedback"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// A generated municipality must be data the app itself reads, decrypts,
// finds and changes: every table through its own service.
func TestGeneratedDataIsValidForTheApp(t *testing.T) {
	ctx := context.Background()
	url := testkit.NewPostgresDB(t)
	sc := Scale{Name: "test", Teams: 2, CaseworkersPerTeam: 2, Cases: 30, Goals: 120, Progress: 600, HeldMeetings: 90,
		AuditPerCase: 2}
	e := &Env{Scale: sc, OutDir: t.TempDir(), EncryptionKey: make([]byte, 32), JWTKey: make([]byte, 32),
		Password: benchPassword, Log: io.Discard}
	for i := range e.EncryptionKey {
		e.EncryptionKey[i], e.JWTKey[i] = byte(i), byte(100+i)
	}
	m, err := e.generatePostgres(ctx, url)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	for table, want := range map[string]int{"cases": 30, "goals": 120, "goal_progress": 600, "fit_scores": 180} {
		if m.Rows[table] != want {
			t.Errorf("%s: %d rows, want %d (all rows: %v)", table, m.Rows[table], want, m.Rows)
		}
	}

	a, err := app.Open(ctx, e.appConfig(url, t.TempDir()), e.discard(), app.Options{})
	if err != nil {
		t.Fatalf("open app: %v", err)
	}
	defer a.Close()
	toks, err := a.Identity.Login(ctx, AreaLeaderEmail, benchPassword)
	if err != nil {
		t.Fatalf("the area leader cannot log in with the bench password: %v", err)
	}
	leader, err := a.Identity.Authenticate(ctx, toks.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	if len(leader.TeamIDs) != sc.Teams {
		t.Errorf("the area leader is in %d teams, want all %d", len(leader.TeamIDs), sc.Teams)
	}
	for _, email := range []string{AnalystEmail, AdminEmail, leaderEmail(1), caseworkerEmail(1, 1)} {
		if _, err := a.Identity.Login(ctx, email, benchPassword); err != nil {
			t.Errorf("%s cannot log in: %v", email, err)
		}
	}

	page, err := a.Cases.List(ctx, leader, cases.ListFilter{Limit: 200})
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	if len(page.Items) != sc.Cases {
		t.Fatalf("the area leader sees %d cases, want %d", len(page.Items), sc.Cases)
	}
	var progress, scores, checklists, followUps int
	for _, s := range page.Items {
		c, err := a.Cases.Get(ctx, leader, s.ID)
		if err != nil {
			t.Fatalf("get case %s: %v", s.ID, err)
		}
		if len(c.PhaseHistory) == 0 || c.PhaseHistory[len(c.PhaseHistory)-1].To != c.Phase {
			t.Errorf("case %s: the phase history does not end in the case's phase %s: %+v", s.ID, c.Phase, c.PhaseHistory)
		}
		gs, err := a.Goals.List(ctx, leader, s.ID)
		if err != nil {
			t.Fatalf("goals of %s: %v", s.ID, err)
		}
		for _, g := range gs.Goals {
			series, err := a.Goals.ListProgress(ctx, leader, g.ID)
			if err != nil {
				t.Fatalf("progress of goal %s: %v", g.ID, err)
			}
			progress += len(series.Items)
		}
		fus, err := a.Goals.ListFollowUps(ctx, leader, s.ID)
		if err != nil {
			t.Fatalf("follow-ups of %s: %v", s.ID, err)
		}
		followUps += len(fus)
		ms, err := a.Meetings.List(ctx, leader, s.ID)
		if err != nil {
			t.Fatalf("meetings of %s: %v", s.ID, err)
		}
		for _, mt := range ms {
			for _, scale := range []feedback.Scale{feedback.ORS, feedback.SRS} {
				got, err := a.Feedback.Scores(ctx, leader, mt.ID, scale)
				if err != nil {
					t.Fatalf("scores of meeting %s: %v", mt.ID, err)
				}
				scores += len(got)
			}
		}
		cls, err := a.Checklists.List(ctx, leader, s.ID)
		if err != nil {
			t.Fatalf("checklists of %s: %v", s.ID, err)
		}
		checklists += len(cls)
	}
	if progress != 600 || scores != 180 || checklists == 0 || followUps == 0 {
		t.Errorf("read through the services: %d progress points (want 600), %d FIT scores (want 180), %d checklists, %d follow-ups",
			progress, scores, checklists, followUps)
	}

	// The CPR was sealed with the server's key and purpose, and hashed the
	// way lookups hash it.
	first := page.Items[0]
	cpr, err := a.Cases.RevealCPR(ctx, leader, first.ID)
	if err != nil {
		t.Fatalf("reveal CPR: %v", err)
	}
	if _, err := cases.ParseCPR(cpr); err != nil || !strings.HasPrefix(first.MaskedCPR, cpr[:6]) {
		t.Errorf("revealed CPR %s…: %v (masked %s)", cpr[:6], err, first.MaskedCPR)
	}
	found, err := a.Cases.LookupCPR(ctx, leader, cpr, 50, "")
	if err != nil || len(found.Items) == 0 || found.Items[0].ID != first.ID {
		t.Errorf("CPR lookup does not find the case: %v %+v", err, found.Items)
	}

	// An open case takes an update at the version it has.
	for _, s := range page.Items {
		if s.Status != cases.StatusOpen {
			continue
		}
		note := "Ændret; \"med citat\"\nog ny linje"
		if _, err := a.Cases.Update(ctx, leader, s.ID, s.Version, cases.CaseChange{LegalBasisNote: &note}); err != nil {
			t.Errorf("update case %s at version %d: %v", s.ID, s.Version, err)
		}
		break
	}
}

func TestCSVRowCountIgnoresNewlinesInQuotedFields(t *testing.T) {
	in := "a,b\n1,\"x\ny\"\n2,\"say \"\"hi\"\"\n\"\n3,plain\n"
	for _, chunk := range []int{1, 2, 3, 7, len(in)} {
		c := &csvRows{}
		for i := 0; i < len(in); i += chunk {
			_, _ = c.Write([]byte(in[i:min(i+chunk, len(in))]))
		}
		if c.n != 4 { // header and three records
			t.Errorf("chunks of %d: %d lines, want 4", chunk, c.n)
		}
	}
}

func TestSpreadHandsOutExactlyTheTotal(t *testing.T) {
	r := newRNG(1)
	s := spread{left: 1000, slots: 97}
	sum := 0
	for i := range 97 {
		n := s.take(r, []float64{0.4, 1.2}[i%2])
		if n < 0 {
			t.Fatalf("negative share %d", n)
		}
		sum += n
	}
	if sum != 1000 {
		t.Errorf("handed out %d, want 1000", sum)
	}
}
