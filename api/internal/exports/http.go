package exports

import (
	"bufio"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/exports/format"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// WatermarkHeader carries the watermark of a pull: send it back as
// updated_since to get exactly what changed since.
const WatermarkHeader = "BIC-Watermark"

// Handler serves /exports.
type Handler struct {
	svc *Service
	log *slog.Logger
}

// NewHandler returns the exports HTTP handler.
func NewHandler(s *Service, log *slog.Logger) *Handler { return &Handler{svc: s, log: log} }

// Register mounts the routes on the authenticated /api/v1 group.
func (h *Handler) Register(g *echo.Group) {
	g.GET("/exports", h.list)
	g.GET("/exports/:dataset", h.export)
}

// ColumnDTO describes one column of a dataset.
type ColumnDTO struct {
	Name string `json:"name" maxLength:"60" example:"case_pseudonym"`
	// How to read the value: string, int, decimal, bool, date (YYYY-MM-DD)
	// or timestamp (UTC: "2026-11-24 09:30:00.123456+00" in CSV, RFC 3339 in
	// NDJSON).
	Type        string `json:"type" enums:"string,int,decimal,bool,date,timestamp,uuid"`
	Description string `json:"description" maxLength:"500"`
	// Only in an identifiable export.
	Identifying bool `json:"identifying"`
} // @name ExportColumn

// DatasetDTO describes one dataset.
type DatasetDTO struct {
	Name        string `json:"name" maxLength:"60" example:"goal_progress"`
	Description string `json:"description" maxLength:"500"`
	// The column from and to filter on.
	Period string `json:"period" maxLength:"60"`
	// The column a time given as updated_since compares with.
	Updated string `json:"updated" maxLength:"60"`
	// For administrators and the audit:read scope only.
	AdminOnly bool        `json:"admin_only"`
	Columns   []ColumnDTO `json:"columns" validate:"max=100"`
} // @name ExportDataset

// DatasetListDTO is every dataset.
type DatasetListDTO struct {
	Items []DatasetDTO `json:"items" validate:"max=50"`
} // @name ExportDatasetList

func toDatasetDTO(d Dataset) DatasetDTO {
	out := DatasetDTO{Name: d.Name, Description: d.Description, Period: d.Period, Updated: d.Updated, AdminOnly: d.AdminOnly}
	for _, c := range d.Columns {
		out.Columns = append(out.Columns, ColumnDTO{Name: c.Name, Type: c.Type.String(), Description: c.Description, Identifying: c.Identifying})
	}
	return out
}

// list godoc
//
//	@Summary		List the export datasets
//	@ID			listExportDatasets
//	@Description	Every dataset with its columns: the data dictionary, as data. Columns marked identifying appear only in an identifiable export.
//	@Tags			exports
//	@Produce		json
//	@Security		BearerAuth
//	@Success		200	{object}	DatasetListDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/exports [get]
func (h *Handler) list(c echo.Context) error {
	if _, err := exporter(c); err != nil {
		return err
	}
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	out := DatasetListDTO{Items: make([]DatasetDTO, 0, len(Datasets))}
	for _, d := range Datasets {
		out.Items = append(out.Items, toDatasetDTO(d))
	}
	return c.JSON(http.StatusOK, out)
}

// exporter is the actor of a request to the datasets' list: someone who may
// export at all. The export itself is refused (and audited) by the service.
func exporter(c echo.Context) (actor.Actor, error) {
	a, ok := actor.From(c.Request().Context())
	if !ok {
		return actor.Actor{}, errs.New(errs.Unauthenticated, "Log in first.")
	}
	if a.Role == actor.RoleCaseworker {
		return actor.Actor{}, errs.New(errs.Forbidden, notExporter)
	}
	return a, nil
}

// export godoc
//
//	@Summary		Export a dataset
//	@ID			exportDataset
//	@Description	Streams every row of the dataset the caller may see, as CSV (RFC 4180, UTF-8), NDJSON, XLSX or Parquet, chosen by format= or the Accept header (CSV when neither says).
//	@Description	Pseudonymised by default: no names, CPR numbers or free text, and a stable pseudonym per case (and goal, meeting, …) that joins across datasets and exports. identifiable=true adds them, needs a leader (own teams) or the exports:identifiable scope and a purpose, and is audited per case with that purpose.
//	@Description	For nightly incremental pulls, keep the BIC-Watermark response header and send it back as updated_since: the next pull holds exactly the rows written since, none missed and none repeated, even while others write. If a transfer breaks off, the connection is cut (never a short file that looks whole): pull again with the same updated_since.
//	@Tags			exports
//	@Produce		text/csv
//	@Produce		application/x-ndjson
//	@Produce		application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Produce		application/vnd.apache.parquet
//	@Produce		json
//	@Security		BearerAuth
//	@Param			dataset			path		string	true	"Dataset"	Enums(cases, goals, goal_progress, followups, checklist_items, meetings, fit_scores, audit)
//	@Param			format			query		string	false	"File format; overrides Accept"	Enums(csv, ndjson, xlsx, parquet)
//	@Param			delimiter		query		string	false	"CSV field separator: semicolon for Danish Excel"	Enums(comma, semicolon)	default(comma)
//	@Param			bom				query		bool	false	"CSV: start with a UTF-8 byte order mark, so Excel reads æ, ø and å right"
//	@Param			team_id			query		string	false	"Only this team's rows"	format(uuid)
//	@Param			from			query		string	false	"Rows whose period column (see GET /exports) is on or after this date"	format(date)
//	@Param			to				query		string	false	"… and on or before this date (inclusive)"	format(date)
//	@Param			updated_since	query		string	false	"A BIC-Watermark from an earlier pull, or a time (RFC 3339) or date: only rows written since"	maxlength(4000)
//	@Param			identifiable	query		bool	false	"Include names, CPR numbers, ids and free text"
//	@Param			purpose			query		string	false	"Required with identifiable=true: what the data will be used for (audited)"	maxlength(500)
//	@Success		200				{file}		file	"The rows"
//	@Header			200				{string}	BIC-Watermark	"Send back as updated_since to continue exactly here"
//	@Failure		400				{object}	httpx.Problem
//	@Failure		401				{object}	httpx.Problem
//	@Failure		403				{object}	httpx.Problem
//	@Failure		404				{object}	httpx.Problem
//	@Failure		406				{object}	httpx.Problem
//	@Failure		422				{object}	httpx.Problem
//	@Failure		429				{object}	httpx.Problem
//	@Failure		500				{object}	httpx.Problem
//	@Router			/exports/{dataset} [get]
func (h *Handler) export(c echo.Context) error {
	a, ok := actor.From(c.Request().Context())
	if !ok {
		return errs.New(errs.Unauthenticated, "Log in first.")
	}
	r, err := parseRequest(c)
	if err != nil {
		return err
	}
	started := false
	var out *bufio.Writer
	_, err = h.svc.Export(c.Request().Context(), a, r, func(wm Watermark) io.Writer {
		started = true
		hd := c.Response().Header()
		hd.Set(echo.HeaderContentType, r.Format.ContentType())
		hd.Set(echo.HeaderContentDisposition, `attachment; filename="bic-`+r.Dataset+`-`+h.svc.clock.Now().UTC().Format("20060102T150405Z")+r.Format.Extension()+`"`)
		hd.Set("Cache-Control", "no-store")
		hd.Set(WatermarkHeader, wm.String())
		c.Response().WriteHeader(http.StatusOK)
		out = bufio.NewWriterSize(c.Response(), 64<<10)
		return out
	})
	if err == nil && out != nil {
		err = out.Flush()
	}
	if err != nil && started {
		// The status line is gone; cutting the connection is the only way
		// to tell the client the file is not whole.
		h.log.Warn("export broken off", "request_id", httpx.RequestID(c), "dataset", r.Dataset, "error", err.Error())
		panic(http.ErrAbortHandler)
	}
	return err
}

func parseRequest(c echo.Context) (Request, error) {
	q := httpx.NewQuery(c)
	r := Request{Dataset: c.Param("dataset")}
	var ferr error
	if v := q.String("format", 20); v != "" {
		r.Format, ferr = format.Parse(v)
		if ferr != nil {
			q.Invalid("format", "must be one of csv, ndjson, xlsx, parquet")
			ferr = nil
		}
	} else if f, err := format.FromAccept(c.Request().Header.Get(echo.HeaderAccept)); err != nil {
		ferr = errs.New(errs.NotAcceptable, "None of the types in Accept is a format exports are written in: use text/csv, application/x-ndjson, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/vnd.apache.parquet, or format=.")
	} else {
		r.Format = f
	}
	r.Options.Delimiter = ','
	if q.Enum("delimiter", "comma", "semicolon") == "semicolon" {
		r.Options.Delimiter = ';'
	}
	if b := q.Bool("bom"); b != nil {
		r.Options.BOM = *b
	}
	r.Options.SheetName = r.Dataset
	r.TeamID = q.UUID("team_id")
	r.From, r.To = q.Date("from"), q.Date("to")
	if v := q.String("updated_since", 4000); v != "" {
		if IsWatermark(v) {
			wm, err := ParseWatermark(v)
			if err != nil {
				q.Invalid("updated_since", "is not a watermark from this server")
			} else {
				r.Since = &wm
			}
		} else {
			r.SinceTime = parseTime(q, v)
		}
	}
	if b := q.Bool("identifiable"); b != nil {
		r.Identifiable = *b
	}
	r.Purpose = q.String("purpose", 500)
	if err := q.Err(); err != nil {
		return r, err
	}
	if (r.Format != format.CSV) && (r.Options.BOM || r.Options.Delimiter != ',') {
		var f errs.Fields
		f.Add("delimiter", "and bom apply to CSV only")
		e, _ := errs.As(f.Err())
		e.Code = errs.BadRequest
		e.Message = "The query string has invalid parameters."
		return r, e
	}
	return r, ferr
}

// parseTime reads updated_since given as an RFC 3339 time or a date (the
// start of that day, UTC).
func parseTime(q *httpx.Query, v string) *time.Time {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		d, derr := time.Parse(time.DateOnly, v)
		if derr != nil {
			q.Invalid("updated_since", "must be a watermark (BIC-Watermark of an earlier pull), an RFC 3339 time or a date")
			return nil
		}
		t = d
	}
	t = t.UTC()
	return &t
}
