package bench

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Targets (issue 7), for PostgreSQL at full scale.
const (
	targetListP99     = 25 * time.Millisecond
	targetGetP99      = 10 * time.Millisecond
	targetCSVRatio    = 0.80
	targetNDJSONRatio = 0.60
	targetMemory      = 100 << 20
	// A latency figure only passes when the run itself was clean.
	minSuccess  = 0.999
	minSentRate = 0.99
)

type facts struct {
	CPU, Kernel, Memory string
	Cores               int
	Go                  string
	Postgres            string
	PGSettings          string
}

func (e *Env) machineFacts(ctx context.Context, dbURL string) facts {
	f := facts{Cores: runtime.NumCPU(), Go: runtime.Version()}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "model name") {
				f.CPU = strings.TrimSpace(l[strings.Index(l, ":")+1:])
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		f.Kernel = "Linux " + strings.TrimSpace(string(b))
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		if _, err := fmt.Sscanf(strings.SplitN(string(b), "\n", 2)[0], "MemTotal: %d kB", &kb); err == nil {
			f.Memory = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
		}
	}
	if c, err := pgx.Connect(ctx, dbURL); err == nil {
		defer c.Close(ctx)
		var v, sb, sc, wm string
		_ = c.QueryRow(ctx, "SELECT current_setting('server_version'), current_setting('shared_buffers'), "+
			"current_setting('synchronous_commit'), current_setting('work_mem')").Scan(&v, &sb, &sc, &wm)
		f.Postgres = "PostgreSQL " + v
		f.PGSettings = fmt.Sprintf("shared_buffers %s, work_mem %s, synchronous_commit %s (server defaults, untuned)", sb, wm, sc)
	}
	return f
}

func mb(b int64) string { return fmt.Sprintf("%.0f MB", float64(b)/(1<<20)) }

func ms(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= 100*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
	default:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
}

func verdict(ok bool) string {
	if ok {
		return "PASS"
	}
	return "**FAIL**"
}

// clean reports whether a load run kept its rate and answered.
func (r loadResult) clean() bool {
	if r.Success < minSuccess {
		return false
	}
	return r.Rate == 0 || r.SentRate >= minSentRate*float64(r.Rate)
}

func (r *report) failed() bool {
	if len(r.Problems) > 0 {
		return true
	}
	for _, x := range r.Exports {
		if x.Err != nil {
			return true
		}
	}
	for _, l := range r.Loads {
		if l.Success == 0 {
			return true
		}
	}
	return false
}

func (r *report) markdown() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# BIC benchmark — scale %s\n\n", r.Scale.Name)
	w("Run %s, %s in total (generation included when it happened).", r.Started.Format("2006-01-02 15:04 MST"), r.Total.Round(time.Second))
	if r.Scale.Name != "full" {
		w(" The targets are set for the full scale; at this scale the verdicts are indicative only.")
	}
	w("\n\n## Machine\n\n| | |\n|---|---|\n")
	w("| CPU | %s, %d cores (GOMAXPROCS %d) |\n", r.Facts.CPU, r.Facts.Cores, runtime.GOMAXPROCS(0))
	w("| memory | %s |\n| OS | %s |\n| Go | %s |\n| database | %s; %s |\n", r.Facts.Memory, r.Facts.Kernel, r.Facts.Go,
		r.Facts.Postgres, r.Facts.PGSettings)
	w("| load generator | vegeta v12 (library), in the same machine as the server and PostgreSQL |\n")

	w("\n## Data\n\n")
	w("| database | rows | generation |\n|---|---|---|\n")
	gen := func(m meta) string {
		s := fmt.Sprintf("%.1f s (generator v%d, %s)", m.Seconds, m.GeneratorVersion, m.GeneratedAt.Format("2006-01-02 15:04"))
		if m.Reused {
			s += ", reused"
		}
		return s
	}
	w("| PostgreSQL | %s | %s; this run's copy made in %.1f s |\n", rowsSummary(r.PG.Rows), gen(r.PG), r.Clone.Seconds())
	w("| SQLite (embedded) | %s | %s |\n", rowsSummary(r.SQLite.Rows), gen(r.SQLite))

	if len(r.Exports) > 0 {
		w("\n## Exports (PostgreSQL): throughput against COPY, server memory\n\n")
		w("`GET /api/v1/exports/{dataset}?format=…` as an analyst (pseudonymised, every row), read to the end by the bench; ")
		w("COPY is the same statement the CSV export runs, through `psql`, read to the end by the bench (the faster of two runs). ")
		w("Server resident memory when idle: %s; peak is VmHWM during the export, reset before it.\n\n", mb(r.IdleRSS))
		w("| dataset | format | rows | size | time | rows/s | of COPY | target | peak RSS | above idle (≤ 100 MB) | result |\n")
		w("|---|---|--:|--:|--:|--:|--:|---|--:|--:|---|\n")
		for _, ds := range exportDatasets {
			c, ok := r.Copies[ds]
			if ok {
				w("| %s | COPY (psql) | %s | %.1f MB | %.2f s | %s | 100 %% | — | — | — | — |\n", ds, fmtCount(int(c.Rows)),
					float64(c.Bytes)/1e6, c.Elapsed.Seconds(), fmtCount(int(c.rowsPerSec())))
			}
			for _, x := range r.Exports {
				if x.Dataset != ds {
					continue
				}
				if x.Err != nil {
					w("| %s | %s | — | — | — | — | — | — | — | — | **ERROR** |\n", ds, x.Format)
					continue
				}
				ratio := 0.0
				if ok && c.rowsPerSec() > 0 {
					ratio = x.rowsPerSec() / c.rowsPerSec()
				}
				target, pass := "reported", true
				switch x.Format {
				case "csv":
					target, pass = "≥ 80 %", ratio >= targetCSVRatio
				case "ndjson":
					target, pass = "≥ 60 %", ratio >= targetNDJSONRatio
				}
				above := x.Peak - r.IdleRSS
				pass = pass && above <= targetMemory
				w("| %s | %s | %s | %.1f MB | %.2f s | %s | %.0f %% | %s | %s | %s | %s |\n", ds, x.Format, fmtCount(int(x.Rows)),
					float64(x.Bytes)/1e6, x.Elapsed.Seconds(), fmtCount(int(x.rowsPerSec())), 100*ratio, target, mb(x.Peak),
					mb(above), verdict(pass))
			}
		}
	}

	w("\n## Case endpoints\n\n")
	w("As the area leader (all %d teams: every case). List: `GET /api/v1/cases` (first page, default size 50 and sort); ", r.Scale.Teams)
	w("get: `GET /api/v1/cases/{id}` on random cases; update: `PATCH /api/v1/cases/{id}` with `If-Match`, a different open case each time. ")
	w("Open loop: a fixed rate for %s, %d initial vegeta workers, more started when all are busy (no coordinated omission). ", r.Scale.Duration, r.Scale.OpenWorkers)
	w("Closed loop: exactly %d workers as fast as they go for %s (saturation throughput). ", r.Scale.SatWorkers, r.Scale.SatDuration)
	w("Latencies are exact percentiles of every request. A latency target passes only when the run kept its rate (≥ 99 %% sent) and ≥ 99.9 %% succeeded.\n\n")
	w("The CPU column is CPU time per request of the server / PostgreSQL (all its processes) / the load generator, in ms; ")
	w("their sum against %d cores is the most this machine can carry of that request.\n\n", r.Facts.Cores)
	w("| database | endpoint | load | requests | sent/s | ok/s | success | p50 | p90 | p99 | max | CPU ms/req | target | result |\n")
	w("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|\n")
	for _, l := range r.Loads {
		target, res := "—", "—"
		if l.DB == "PostgreSQL" && l.Rate > 0 && l.Rate == r.Scale.Rate {
			switch l.Endpoint {
			case "case list":
				target, res = "p99 ≤ 25 ms", verdict(l.clean() && l.P99 <= targetListP99)
			case "case get":
				target, res = "p99 ≤ 10 ms", verdict(l.clean() && l.P99 <= targetGetP99)
			}
		}
		w("| %s | %s | %s | %s | %.0f | %.0f | %.2f %% | %s | %s | %s | %s | %s | %s | %s |\n", l.DB, l.Endpoint, l.mode(),
			fmtCount(l.Requests), l.SentRate, l.Throughput, 100*l.Success, ms(l.P50), ms(l.P90), ms(l.P99), ms(l.Max), l.CPU,
			target, res)
	}
	for _, l := range r.Loads {
		if l.Success < 1 || l.Note != "" {
			w("\n- %s, %s, %s: %s%s", l.DB, l.Endpoint, l.mode(), codes(l.Codes), noteOf(l))
		}
	}
	if r.Bare != nil && r.APIListSat != nil {
		w("\n\n### Case list against a bare pgx server (PostgreSQL)\n\n")
		w("The bare server (`bicbench barepgx`): net/http, a pgx pool of the app's size, the same SQL (columns, join, team filter, order, limit) ")
		w("and the same JSON shape with encoding/json; no authentication, transaction or audit rows. Run with the real server stopped.\n\n")
		w("| server | load | sent/s | ok/s | p50 | p99 | CPU ms/req |\n|---|---|--:|--:|--:|--:|--:|\n")
		a, bb := r.APIListSat, r.Bare
		row := func(name string, l *loadResult) {
			w("| %s | %s | %.0f | %.0f | %s | %s | %s |\n", name, l.mode(), l.SentRate, l.Throughput, ms(l.P50), ms(l.P99), l.CPU)
		}
		row("BIC API", a)
		row("bare pgx", bb)
		if r.BareOpen != nil {
			row("bare pgx", r.BareOpen)
		}
		if bb.Throughput > 0 {
			w("\nAPI case list at saturation: **%.0f %%** of the bare pgx server's throughput.\n", 100*a.Throughput/bb.Throughput)
		}
	}
	if len(r.Problems) > 0 {
		w("\n## Problems\n\n")
		for _, p := range r.Problems {
			w("- %s\n", p)
		}
	}
	return b.String()
}

func codes(m map[int]int) string {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	var parts []string
	for _, k := range keys {
		name := fmt.Sprint(k)
		if k == 0 {
			name = "no response"
		}
		parts = append(parts, fmt.Sprintf("%s × %s", name, fmtCount(m[k])))
	}
	return "status " + strings.Join(parts, ", ")
}

func noteOf(l loadResult) string {
	s := ""
	if len(l.Errors) > 0 {
		s += "; errors: " + strings.Join(l.Errors, "; ")
	}
	if l.Note != "" {
		s += "; " + l.Note
	}
	return s
}

func rowsSummary(m map[string]int) string {
	order := []string{"cases", "case_phase_transitions", "goals", "goal_status_changes", "goal_progress", "follow_ups",
		"meetings", "fit_scores", "checklists", "checklist_items", "audit_events"}
	var parts []string
	for _, t := range order {
		if n, ok := m[t]; ok {
			parts = append(parts, fmt.Sprintf("%s %s", t, fmtCount(n)))
		}
	}
	return strings.Join(parts, ", ")
}
