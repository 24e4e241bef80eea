package exports

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/exports/format"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/secrets"
)

// Audit actions of exports. An export writes a row when it starts (so that
// even a pull that breaks off is on record) and one when it ends, with the
// row count; an identifiable export also writes one row per case it showed.
const (
	ExportStarted  audit.Action = "export.pull"
	ExportFinished audit.Action = "export.finish"
	CaseExported   audit.Action = "case.export"
)

// notExporter refuses roles that never export.
const notExporter = "Exports of case data are for analysts, leaders and integrations; administrators export the audit trail."

// utf8BOM lets Excel see that a CSV file is UTF-8.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// cprPurpose is the purpose the cases domain seals CPR numbers under.
const cprPurpose = "case.citizen_cpr"

// Auditor records audit events.
type Auditor interface {
	Record(ctx context.Context, evs ...audit.Event) error
}

// Service authorises and runs exports.
type Service struct {
	db    *db.DB
	st    store
	audit Auditor
	box   *secrets.Box
	clock clock.Clock
}

// NewService returns the export service.
func NewService(d *db.DB, a Auditor, box *secrets.Box, c clock.Clock) *Service {
	return &Service{db: d, st: store{db: d, key: box.PseudonymKey()}, audit: a, box: box, clock: c}
}

// Start is called once, with the watermark, before the first byte; it sends
// the response's headers and returns where the file goes. Errors after it can
// only cut the stream off.
type Start func(Watermark) io.Writer

// reach is the teams an actor may export (nil: every team) or an error.
//
// Errors: Forbidden for a role or token that may not export this dataset or
// not identifiably; NotFound for a team outside the actor's reach.
func reach(a actor.Actor, d Dataset, identifiable bool) ([]uuid.UUID, error) {
	refuse := func(msg string) ([]uuid.UUID, error) { return nil, errs.New(errs.Forbidden, msg) }
	if d.AdminOnly {
		switch {
		case a.Kind == actor.KindService && a.HasScope(actor.ScopeAuditRead):
		case a.Role == actor.RoleAdmin && !a.Scoped():
		default:
			return refuse("Only administrators and service accounts with the audit:read scope export the audit trail.")
		}
		if identifiable && a.Kind == actor.KindService && !a.HasScope(actor.ScopeExportsIdentifiable) {
			return refuse("An identifiable export needs the exports:identifiable scope.")
		}
		return nil, nil
	}
	if !a.HasScope(actor.ScopeExportsRead) {
		return refuse("This token lacks the scope exports:read, which case data needs.")
	}
	switch {
	case a.Kind == actor.KindService:
		if identifiable && !a.HasScope(actor.ScopeExportsIdentifiable) {
			return refuse("An identifiable export needs the exports:identifiable scope.")
		}
		return append([]uuid.UUID{}, a.TeamIDs...), nil
	case a.Role == actor.RoleAnalyst:
		if identifiable {
			return refuse("Analysts export pseudonymised data only; an identifiable export needs a leader or an integration allowed to make one.")
		}
		return nil, nil
	case a.Role == actor.RoleLeader && !a.Scoped():
		return append([]uuid.UUID{}, a.TeamIDs...), nil
	case a.Role == actor.RoleAdmin:
		return refuse(notExporter)
	}
	return refuse(notExporter)
}

// Validate checks the request's own consistency.
func (r *Request) validate() error {
	var f errs.Fields
	r.Purpose = strings.TrimSpace(r.Purpose)
	n := utf8.RuneCountInString(r.Purpose)
	switch {
	case r.Identifiable && n == 0:
		f.Add("purpose", "is required for an identifiable export: say what the data will be used for")
	case r.Identifiable && n < 10:
		f.Add("purpose", "must be at least 10 characters")
	case n > 500:
		f.Add("purpose", "must be at most 500 characters")
	case !r.Identifiable && n > 0:
		f.Add("purpose", "is only given with identifiable=true")
	}
	if r.From != nil && r.To != nil && r.To.Before(*r.From) {
		f.Add("to", "must not be before from")
	}
	if r.Since != nil && r.SinceTime != nil {
		f.Add("updated_since", "give a watermark or a time, not both")
	}
	return f.Err()
}

// Export authorises the request, records it in the audit trail and streams
// the dataset to the writer start returns.
//
// Errors before start is called are domain errors (Forbidden, NotFound,
// Invalid); after it, the returned error means the stream broke off.
func (s *Service) Export(ctx context.Context, a actor.Actor, r Request, start Start) (Result, error) {
	d, ok := Lookup(r.Dataset)
	if !ok {
		return Result{}, errs.NotFoundf("No dataset %q; the datasets are %s.", r.Dataset, strings.Join(Names(), ", "))
	}
	if err := r.validate(); err != nil {
		return Result{}, err
	}
	if r.Since != nil && r.Since.postgres != (s.db.Dialect == db.Postgres) {
		var f errs.Fields
		f.Add("updated_since", "is a watermark from another database; start again without it")
		return Result{}, f.Err()
	}
	teams, err := reach(a, d, r.Identifiable)
	if err != nil {
		return Result{}, s.denied(ctx, d, r, err)
	}
	if r.TeamID != nil {
		if teams != nil && !slices.Contains(teams, *r.TeamID) {
			return Result{}, s.denied(ctx, d, r, errs.NotFoundf("No team with id %s.", *r.TeamID))
		}
		teams = []uuid.UUID{*r.TeamID}
	}
	p := plan{dataset: d, columns: d.Visible(r.Identifiable), teams: teams, since: r.Since, sinceTime: r.SinceTime, identifiable: r.Identifiable}
	if r.From != nil || r.To != nil {
		from, to := time.Time{}, time.Time{}
		if r.From != nil {
			from = *r.From
		}
		if r.To != nil {
			to = *r.To
		}
		start, end := clock.Days(s.clock, from, to)
		if r.From != nil {
			p.from, p.fromDay = &start, r.From.Format(time.DateOnly)
		}
		if r.To != nil {
			p.to, p.toDay = &end, r.To.Format(time.DateOnly)
		}
	}

	detail := describe(r)
	if err := s.audit.Record(ctx, audit.Event{Action: ExportStarted, TeamID: r.TeamID, Detail: detail}); err != nil {
		return Result{}, fmt.Errorf("audit export: %w", err)
	}
	res, runErr := s.run(ctx, p, r, start)
	// The end of the pull is recorded even when the client went away.
	end := audit.Event{Action: ExportFinished, TeamID: r.TeamID, Detail: fmt.Sprintf("%s rows=%d", detail, res.Rows)}
	if runErr != nil {
		end.Outcome = audit.Failure
		end.Detail += " broken off"
	}
	if err := s.audit.Record(context.WithoutCancel(ctx), end); err != nil && runErr == nil {
		runErr = fmt.Errorf("audit export end: %w", err)
	}
	return res, runErr
}

func (s *Service) denied(ctx context.Context, d Dataset, r Request, cause error) error {
	if err := s.audit.Record(ctx, audit.Event{Action: ExportStarted, TeamID: r.TeamID, Outcome: audit.Denied, Detail: describe(r)}); err != nil {
		return fmt.Errorf("audit refused export of %s: %w", d.Name, err)
	}
	return cause
}

// describe is the audit detail: what was pulled and, for an identifiable
// export, the purpose given.
func describe(r Request) string {
	var b strings.Builder
	fmt.Fprintf(&b, "dataset=%s format=%s", r.Dataset, r.Format)
	if r.From != nil {
		fmt.Fprintf(&b, " from=%s", r.From.Format(time.DateOnly))
	}
	if r.To != nil {
		fmt.Fprintf(&b, " to=%s", r.To.Format(time.DateOnly))
	}
	if r.Since != nil || r.SinceTime != nil {
		b.WriteString(" incremental")
	}
	if r.Identifiable {
		fmt.Fprintf(&b, " identifiable purpose=%q", r.Purpose)
	}
	return b.String()
}

func (s *Service) run(ctx context.Context, p plan, r Request, start Start) (Result, error) {
	var res Result
	// PostgreSQL writes a pseudonymised CSV itself; the server only turns
	// its line ends into CRLF.
	if s.db.Dialect == db.Postgres && r.Format == format.CSV && !r.Identifiable {
		n, err := s.st.copyCSV(ctx, p, r.Options.Delimiter, func(wm Watermark) (io.Writer, error) {
			res.Watermark = wm
			w := start(wm)
			if r.Options.BOM {
				if _, err := w.Write(utf8BOM); err != nil {
					return nil, err
				}
			}
			return format.NewCRLF(w), nil
		})
		res.Rows = n
		return res, err
	}

	var fw format.Writer
	var cases caseSet
	decrypt, caseCol := -1, -1
	for i, c := range p.columns {
		if c.sealedCPR {
			decrypt = i
		}
		if c.Name == "case_id" && r.Identifiable && !p.dataset.AdminOnly {
			caseCol = i
		}
	}
	n, err := s.st.scan(ctx, p, func(wm Watermark) error {
		res.Watermark = wm
		w, err := format.New(r.Format, start(wm), p.formatColumns(), r.Options)
		fw = w
		return err
	}, func(cells []format.Cell) error {
		if decrypt >= 0 && cells[decrypt] != nil {
			cpr, err := s.box.Open(cprPurpose, string(cells[decrypt]))
			if err != nil {
				return fmt.Errorf("open CPR: %w", err)
			}
			cells[decrypt] = []byte(cpr)
		}
		if caseCol >= 0 {
			cases.add(cells[caseCol])
		}
		return fw.WriteRow(cells)
	})
	res.Rows = n
	if fw != nil && err == nil {
		err = fw.Close()
	}
	if caseCol >= 0 {
		if aerr := s.auditCases(context.WithoutCancel(ctx), cases, r); aerr != nil && err == nil {
			err = aerr
		}
	}
	return res, err
}

// caseSet collects the cases an identifiable export showed.
type caseSet struct{ ids map[uuid.UUID]struct{} }

func (c *caseSet) add(cell []byte) {
	id, err := uuid.ParseBytes(cell)
	if err != nil {
		return
	}
	if c.ids == nil {
		c.ids = map[uuid.UUID]struct{}{}
	}
	c.ids[id] = struct{}{}
}

// auditCases writes one row per case an identifiable export showed, so that a
// citizen who asks who has seen their case gets the export too.
func (s *Service) auditCases(ctx context.Context, cs caseSet, r Request) error {
	evs := make([]audit.Event, 0, 500)
	flush := func() error {
		if len(evs) == 0 {
			return nil
		}
		err := s.audit.Record(ctx, evs...)
		evs = evs[:0]
		return err
	}
	detail := fmt.Sprintf("dataset=%s purpose=%q", r.Dataset, r.Purpose)
	for id := range cs.ids {
		id := id
		evs = append(evs, audit.Event{Action: CaseExported, CaseID: &id, Detail: detail})
		if len(evs) == cap(evs) {
			if err := flush(); err != nil {
				return fmt.Errorf("audit exported cases: %w", err)
			}
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("audit exported cases: %w", err)
	}
	return nil
}
