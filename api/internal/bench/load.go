package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	vegeta "github.com/tsenart/vegeta/v12/lib"
)

const maxOpenWorkers = 5000

// loadResult is one vegeta run.
type loadResult struct {
	DB, Endpoint string
	Rate         int // requests per second; 0 = closed loop (as fast as the workers go)
	Workers      int
	Duration     time.Duration
	Requests     int
	SentRate     float64 // requests started per second
	Throughput   float64 // successful responses per second
	Success      float64 // share of 2xx
	P50, P90     time.Duration
	P99, Max     time.Duration
	Codes        map[int]int
	Errors       []string
	Note         string
	CPU          cpuUse // per request: server, PostgreSQL, load generator
}

func (r loadResult) mode() string {
	if r.Rate == 0 {
		return fmt.Sprintf("closed loop, %d workers", r.Workers)
	}
	return fmt.Sprintf("open loop, %d/s", r.Rate)
}

// attack runs targeter at a fixed rate (open loop) or, with rate 0, with
// exactly workers concurrent clients as fast as they go (closed loop).
//
// In the open loop, vegeta starts each request on its schedule whether or
// not earlier ones have answered, adding workers beyond the initial ones
// when all are busy; a slow server therefore shows up as latency, not as
// fewer requests sent, which is the coordinated omission a closed loop
// suffers from. Latency percentiles are exact (every latency is kept).
func attack(ctx context.Context, name string, tr vegeta.Targeter, rate, workers int, d time.Duration,
	onResult func(*vegeta.Result)) loadResult {
	opts := []func(*vegeta.Attacker){
		vegeta.Workers(uint64(workers)), vegeta.KeepAlive(true), vegeta.Timeout(60 * time.Second),
		vegeta.MaxBody(0), // read every body to the end, keep none
		// Beyond this many requests in flight the machine has long been
		// overwhelmed; the cap keeps the bench within its file descriptors,
		// and shows as a sent rate below the target.
		vegeta.MaxWorkers(maxOpenWorkers),
	}
	pacer := vegeta.Pacer(vegeta.ConstantPacer{Freq: rate, Per: time.Second})
	if rate == 0 {
		opts = append(opts, vegeta.MaxWorkers(uint64(workers)))
		pacer = vegeta.ConstantPacer{Freq: 0}
	}
	atk := vegeta.NewAttacker(opts...)
	var m vegeta.Metrics
	lat := make([]time.Duration, 0, max(rate, 1000)*int(d.Seconds()+1))
	codes := map[int]int{}
	res := atk.Attack(tr, pacer, d, name)
	stop := context.AfterFunc(ctx, func() { atk.Stop() })
	defer stop()
	for r := range res {
		m.Add(r)
		lat = append(lat, r.Latency)
		codes[int(r.Code)]++
		if onResult != nil {
			onResult(r)
		}
		r.Body = nil
	}
	m.Close()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	q := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		i := int(float64(len(lat))*p+0.999999) - 1 // nearest rank
		return lat[max(0, min(i, len(lat)-1))]
	}
	out := loadResult{Endpoint: name, Rate: rate, Workers: workers, Duration: d, Requests: int(m.Requests),
		SentRate: m.Rate, Throughput: m.Throughput, Success: m.Success, P50: q(0.50), P90: q(0.90), P99: q(0.99),
		Max: q(1), Codes: codes}
	for i, e := range m.Errors {
		if i == 5 {
			break
		}
		out.Errors = append(out.Errors, e)
	}
	return out
}

// --- targeters ---

func authHeader(token string) http.Header {
	h := http.Header{}
	h.Set("Authorization", "Bearer "+token)
	return h
}

// listTargeter asks for the first page of the case list with the default
// page size and sort, as the web app's case list does.
func listTargeter(base, token string) vegeta.Targeter {
	h := authHeader(token)
	return func(t *vegeta.Target) error {
		t.Method, t.URL, t.Header = http.MethodGet, base+"/api/v1/cases", h
		return nil
	}
}

// getTargeter reads random cases the user may see.
func getTargeter(base, token string, ids []uuid.UUID) vegeta.Targeter {
	h := authHeader(token)
	var mu sync.Mutex
	r := rand.New(rand.NewPCG(1, 2))
	return func(t *vegeta.Target) error {
		mu.Lock()
		id := ids[r.IntN(len(ids))]
		mu.Unlock()
		t.Method, t.URL, t.Header = http.MethodGet, base+"/api/v1/cases/"+id.String(), h
		return nil
	}
}

// versioned is an open case with the version its next update must name.
type versioned struct {
	ID      uuid.UUID
	Version int
}

// casePool hands out open cases for updates, each to one request at a time,
// and takes them back with their new version from the response's ETag, so
// every PATCH names the version it read: no 412 from the bench's own doing.
type casePool struct {
	ch      chan versioned
	waits   int
	waitsMu sync.Mutex
}

func newCasePool(cs []versioned) *casePool {
	p := &casePool{ch: make(chan versioned, len(cs))}
	for _, c := range cs {
		p.ch <- c
	}
	return p
}

func (p *casePool) updateTargeter(base, token string) vegeta.Targeter {
	h := authHeader(token)
	h.Set("Content-Type", "application/json")
	var mu sync.Mutex
	n := 0
	return func(t *vegeta.Target) error {
		var c versioned
		select {
		case c = <-p.ch:
		default:
			// Every case is in flight (only at small scales): wait for one.
			p.waitsMu.Lock()
			p.waits++
			p.waitsMu.Unlock()
			select {
			case c = <-p.ch:
			case <-time.After(10 * time.Second):
				return fmt.Errorf("no open case free for an update for 10 s") // stops the attack
			}
		}
		mu.Lock()
		n++
		k := n
		mu.Unlock()
		hh := h.Clone()
		hh.Set("If-Match", `"`+strconv.Itoa(c.Version)+`"`)
		t.Method, t.URL, t.Header = http.MethodPatch, base+"/api/v1/cases/"+c.ID.String(), hh
		t.Body = []byte(fmt.Sprintf(`{"legal_basis_note":"Opdateret af belastningstesten (%d); \"§ 85\" gælder fortsat."}`, k))
		return nil
	}
}

// give takes a case back after its update answered.
func (p *casePool) give(r *vegeta.Result) {
	i := strings.LastIndex(r.URL, "/")
	id, err := uuid.Parse(r.URL[i+1:])
	if err != nil || r.Code != http.StatusOK {
		return // a failed update's case is left out; its version is unknown
	}
	v, err := strconv.Atoi(strings.Trim(r.Headers.Get("ETag"), `"W/`))
	if err != nil {
		return
	}
	p.ch <- versioned{ID: id, Version: v}
}
