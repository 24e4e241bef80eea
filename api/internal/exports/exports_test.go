package exports_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/borgeren-i-centrum/bic/api/internal/exports"
	"github.com/borgeren-i-centrum/bic/api/internal/exports/format"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/secrets"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// idKinds names, per dataset, the table whose ids the first column is the
// pseudonym of, and the pseudonym's kind.
var idKinds = map[string][2]string{
	"cases":           {"SELECT id FROM cases", "case"},
	"goals":           {"SELECT id FROM goals", "goal"},
	"goal_progress":   {"SELECT id FROM goal_progress", "progress"},
	"followups":       {"SELECT id FROM follow_ups", "follow_up"},
	"checklist_items": {"SELECT checklist_id FROM checklist_items", "checklist"},
	"meetings":        {"SELECT id FROM meetings", "meeting"},
	"fit_scores":      {"SELECT id FROM fit_scores", "fit_score"},
}

func (m *municipality) ids(t *testing.T, q string) []string {
	t.Helper()
	sqlDB, err := m.env.App.DB.SQL()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := sqlDB.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// TestExports runs the checks that share one seeded municipality per
// database; seeding the demo takes seconds, the checks a fraction of that.
func TestExports(t *testing.T) {
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			m := seed(t, dialect)
			t.Run("every dataset in every format reads back as the database rows", func(t *testing.T) { checkRoundTrip(t, m) })
			t.Run("CSV quotes what it must", func(t *testing.T) { checkCSVQuotes(t, m) })
			t.Run("a pseudonymised export holds no name, CPR, note or case id", func(t *testing.T) { checkPseudonymised(t, m) })
			t.Run("a leader sees only own teams' rows", func(t *testing.T) { checkLeaderTeams(t, m) })
			if dialect == "postgres" {
				t.Run("the Accept header chooses the format", func(t *testing.T) { checkAccept(t, m) })
				t.Run("pseudonyms are stable and join across datasets", func(t *testing.T) { checkPseudonymsJoin(t, m) })
				t.Run("who may export what", func(t *testing.T) { checkWhoMay(t, m) })
				t.Run("service accounts export within their scopes and teams", func(t *testing.T) { checkServiceAccounts(t, m) })
				t.Run("a changed row comes again and a time works as a start", func(t *testing.T) { checkChangedRow(t, m) })
			} else {
				t.Run("the analyst guide's scripts pull incrementally", func(t *testing.T) { checkGuideScripts(t, m) })
			}
		})
	}
}

func checkRoundTrip(t *testing.T, m *municipality) {
	{
		{
			for _, d := range exports.Datasets {
				if d.AdminOnly {
					continue // the audit trail grows with every pull; see TestTheAuditTrailExports
				}
				t.Run(d.Name, func(t *testing.T) {
					base := read(t, "csv", m.pull(t, m.analyst.Token, d.Name, "").Body, d, false)
					// Every row of the table, each once, under the pseudonym
					// of its id computed here, apart from the database.
					q := idKinds[d.Name]
					var want []string
					for _, id := range m.ids(t, q[0]) {
						want = append(want, secrets.Pseudonym(m.key, q[1], id))
					}
					got := base.column(base.header[0])
					slices.Sort(want)
					slices.Sort(got)
					if d.Name == "checklist_items" {
						want = slices.Compact(want)
						got = slices.Compact(got)
					}
					if !slices.Equal(got, want) {
						t.Fatalf("%s: %d rows with pseudonyms that are not the database's %d rows", d.Name, len(got), len(want))
					}
					if len(base.rows) == 0 {
						t.Fatalf("%s: the demo data has no rows", d.Name)
					}
					wantHeader := []string{}
					for _, c := range d.Visible(false) {
						wantHeader = append(wantHeader, c.Name)
					}
					if !slices.Equal(base.header, wantHeader) {
						t.Fatalf("header = %v, want %v", base.header, wantHeader)
					}
					for _, f := range []struct{ name, query, parse string }{
						{"NDJSON", "format=ndjson", "ndjson"},
						{"XLSX", "format=xlsx", "xlsx"},
						{"Parquet", "format=parquet", "parquet"},
						{"CSV for Danish Excel", "delimiter=semicolon&bom=true", "csv;"},
					} {
						r := m.pull(t, m.analyst.Token, d.Name, f.query)
						other := read(t, f.parse, r.Body, d, false)
						// Excel keeps a time as a fraction of a day, which can
						// land a millisecond off; times are compared apart.
						var times []int
						if f.parse == "xlsx" {
							for i, c := range d.Visible(false) {
								if c.Type == format.Timestamp {
									times = append(times, i)
								}
							}
						}
						if a, b := base.sorted(times...), other.sorted(times...); !slices.Equal(a, b) {
							t.Errorf("%s differs from CSV: %d vs %d rows; first CSV row %v, first %s row %v", f.name, len(a), len(b), first(a), f.name, first(b))
						}
						for _, i := range times {
							a, b := base.column(base.header[i]), other.column(base.header[i])
							slices.Sort(a)
							slices.Sort(b)
							for k := range a {
								ta, _ := time.Parse("2006-01-02 15:04:05.000", a[k])
								tb, _ := time.Parse("2006-01-02 15:04:05.000", b[k])
								if d := ta.Sub(tb); d > 2*time.Millisecond || d < -2*time.Millisecond {
									t.Fatalf("%s: %s %s in CSV is %s in XLSX", f.name, base.header[i], a[k], b[k])
								}
							}
						}
					}
				})
			}
		}
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	return s[0]
}

func checkAccept(t *testing.T, m *municipality) {
	for _, tc := range []struct {
		accept, wantType string
	}{
		{"", "text/csv; charset=utf-8"},
		{"*/*", "text/csv; charset=utf-8"},
		{"application/x-ndjson", "application/x-ndjson; charset=utf-8"},
		{"application/vnd.apache.parquet", "application/vnd.apache.parquet"},
		{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	} {
		r := m.pull(t, m.analyst.Token, "cases", "", "Accept", tc.accept)
		if got := r.Header.Get("Content-Type"); got != tc.wantType {
			t.Errorf("Accept %q: Content-Type %q, want %q", tc.accept, got, tc.wantType)
		}
		if !strings.HasPrefix(r.Header.Get("Content-Disposition"), `attachment; filename="bic-cases-`) {
			t.Errorf("Accept %q: Content-Disposition %q", tc.accept, r.Header.Get("Content-Disposition"))
		}
	}
	r := m.env.Do(http.MethodGet, "/api/v1/exports/cases", m.analyst.Token, nil, "Accept", "image/png")
	testkit.WantProblem(t, r, http.StatusNotAcceptable, "None of the types in Accept is a format exports are written in: use text/csv, application/x-ndjson, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/vnd.apache.parquet, or format=.")
}

func checkCSVQuotes(t *testing.T, m *municipality) {
	{
		{
			d, _ := exports.Lookup("cases")
			for _, q := range []string{"", "delimiter=semicolon&bom=true"} {
				query := "identifiable=true&purpose=" + url.QueryEscape("Test af eksport til tilsynet") + "&team_id=" + m.tricky.ID.String()
				if q != "" {
					query += "&" + q
				}
				r := m.pull(t, m.leader.Token, "cases", query)
				if q != "" && !bytes.HasPrefix(r.Body, []byte{0xEF, 0xBB, 0xBF}) {
					t.Fatal("no BOM")
				}
				if !bytes.Contains(r.Body, []byte("\r\n")) || bytes.Count(r.Body, []byte("\n")) < 3 {
					t.Fatalf("records must end with CRLF: %q", r.Body)
				}
				delim := ','
				if q != "" {
					delim = ';'
				}
				tb := parseCSV(t, r.Body, delim, types(d, true))
				if len(tb.rows) != 1 {
					t.Fatalf("want the one case of the team, got %d", len(tb.rows))
				}
				want := map[string]string{
					"citizen_name":     "Åse \"Lille Ø\"; Bøgh-Ærø",
					"legal_basis_note": "Første linje; med \"citat\"\nanden linje, æøå ÆØÅ\ntredje",
					"team_name":        trickyTeamName,
					"closure_note":     "",
				}
				for col, v := range want {
					if got := tb.rows[0][tb.col(col)]; got != v {
						t.Errorf("%s = %q, want %q", col, got, v)
					}
				}
				if tb.nulls[0][tb.col("closure_note")] {
					t.Error("an empty text came back as NULL")
				}
				if !tb.nulls[0][tb.col("closed_at")] {
					t.Error("a NULL came back as text")
				}
				if cpr := tb.rows[0][tb.col("citizen_cpr")]; len(cpr) != 10 {
					t.Errorf("citizen_cpr = %q, want the ten digits", cpr)
				}
			}
		}
	}
}

func checkPseudonymised(t *testing.T, m *municipality) {
	{
		{
			box, _ := secrets.New(m.env.App.Config.EncryptionKey)
			var secret []string
			secret = append(secret, m.ids(t, "SELECT citizen_name FROM cases")...)
			secret = append(secret, m.ids(t, "SELECT id FROM cases")...)
			for _, enc := range m.ids(t, "SELECT citizen_cpr_enc FROM cases") {
				cpr, err := box.Open("case.citizen_cpr", enc)
				if err != nil {
					t.Fatal(err)
				}
				secret = append(secret, cpr, cpr[:6]+"-"+cpr[6:])
			}
			for _, q := range []string{
				"SELECT legal_basis_note FROM cases", "SELECT closure_note FROM cases", "SELECT note FROM goal_progress",
				"SELECT note FROM follow_ups", "SELECT note FROM checklist_items", "SELECT summary FROM meetings",
				"SELECT title FROM goals", "SELECT place FROM meetings",
			} {
				for _, s := range m.ids(t, q) {
					// Short texts ("Ja") would match by chance.
					if len([]rune(s)) >= 12 {
						secret = append(secret, s)
					}
				}
			}
			if len(secret) < 300 {
				t.Fatalf("only %d identifying strings to look for; the demo data should give more", len(secret))
			}
			for _, d := range exports.Datasets {
				token := m.analyst.Token
				if d.AdminOnly {
					token = m.boss.Token
				}
				for _, f := range []string{"csv", "ndjson", "xlsx", "parquet"} {
					r := m.pull(t, token, d.Name, "format="+f)
					tb := read(t, f, r.Body, d, false)
					var hay strings.Builder
					for _, row := range tb.rows {
						hay.WriteString(strings.Join(row, "\x00"))
						hay.WriteByte('\n')
					}
					text := hay.String() + string(r.Body)
					for _, s := range secret {
						if s != "" && strings.Contains(text, s) {
							t.Fatalf("%s as %s holds %q", d.Name, f, s)
						}
					}
				}
			}
		}
	}
}

func checkPseudonymsJoin(t *testing.T, m *municipality) {
	casesCSV := read(t, "csv", m.pull(t, m.analyst.Token, "cases", "").Body, mustLookup("cases"), false)
	again := read(t, "ndjson", m.pull(t, m.analyst.Token, "cases", "format=ndjson").Body, mustLookup("cases"), false)
	a, b := casesCSV.column("case_pseudonym"), again.column("case_pseudonym")
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) {
		t.Fatal("the same cases got other pseudonyms in a second export")
	}
	known := map[string]bool{}
	for _, p := range a {
		known[p] = true
	}
	for _, ds := range []string{"goals", "goal_progress", "followups", "checklist_items", "meetings", "fit_scores"} {
		tb := read(t, "csv", m.pull(t, m.analyst.Token, ds, "").Body, mustLookup(ds), false)
		for _, p := range tb.column("case_pseudonym") {
			if !known[p] {
				t.Fatalf("%s has case_pseudonym %s that no case has", ds, p)
			}
		}
	}
	goals := read(t, "csv", m.pull(t, m.analyst.Token, "goals", "").Body, mustLookup("goals"), false)
	goalSet := map[string]bool{}
	for _, p := range goals.column("goal_pseudonym") {
		goalSet[p] = true
	}
	progress := read(t, "parquet", m.pull(t, m.analyst.Token, "goal_progress", "format=parquet").Body, mustLookup("goal_progress"), false)
	for _, p := range progress.column("goal_pseudonym") {
		if !goalSet[p] {
			t.Fatalf("goal_progress has goal_pseudonym %s that no goal has", p)
		}
	}
	// Another municipality's key gives other pseudonyms for the same id.
	id := m.ids(t, "SELECT id FROM cases LIMIT 1")[0]
	if secrets.Pseudonym(m.key, "case", id) == secrets.Pseudonym(strings.Repeat("ab", 32), "case", id) {
		t.Fatal("pseudonyms do not depend on the key")
	}
}

func mustLookup(name string) exports.Dataset {
	d, ok := exports.Lookup(name)
	if !ok {
		panic(name)
	}
	return d
}

var _ = context.Background
