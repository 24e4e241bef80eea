package exports

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Watermark marks where a pull stopped: the next pull with it takes exactly
// the rows written since, nothing missed and nothing repeated.
//
// On PostgreSQL it is the pull's snapshot ("xmin:xmax:xip,…"): the next pull
// takes the rows whose last write that snapshot could not see. A transaction
// that was running during the pull is in the snapshot's list and is picked up
// next time, which a timestamp cannot do. On SQLite, where writes happen one
// at a time, it is the write counter and the audit trail's last row id.
//
// Clients treat it as opaque text ("w1." + base64url).
type Watermark struct {
	snapshot string // PostgreSQL pg_snapshot text
	seq      int64  // SQLite change_counter
	auditRow int64  // SQLite audit_events rowid
	postgres bool
}

const watermarkPrefix = "w1."

var snapshotText = regexp.MustCompile(`^[0-9]{1,20}:[0-9]{1,20}:([0-9]{1,20}(,[0-9]{1,20})*)?$`)

// String is the watermark as a client sees it.
func (w Watermark) String() string {
	var raw string
	if w.postgres {
		raw = "pg:" + w.snapshot
	} else {
		raw = fmt.Sprintf("sq:%d:%d", w.seq, w.auditRow)
	}
	return watermarkPrefix + base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// IsWatermark reports whether s looks like a watermark rather than a time.
func IsWatermark(s string) bool { return strings.HasPrefix(s, watermarkPrefix) }

// ParseWatermark reads a watermark. The snapshot is checked digit by digit,
// because it goes into the statement's text (COPY takes no parameters).
func ParseWatermark(s string) (Watermark, error) {
	bad := fmt.Errorf("not a watermark from this server")
	if !IsWatermark(s) || len(s) > 4000 {
		return Watermark{}, bad
	}
	b, err := base64.RawURLEncoding.DecodeString(s[len(watermarkPrefix):])
	if err != nil {
		return Watermark{}, bad
	}
	raw := string(b)
	switch {
	case strings.HasPrefix(raw, "pg:"):
		snap := raw[3:]
		if !snapshotText.MatchString(snap) {
			return Watermark{}, bad
		}
		return Watermark{postgres: true, snapshot: snap}, nil
	case strings.HasPrefix(raw, "sq:"):
		parts := strings.Split(raw[3:], ":")
		if len(parts) != 2 {
			return Watermark{}, bad
		}
		seq, err1 := strconv.ParseInt(parts[0], 10, 64)
		row, err2 := strconv.ParseInt(parts[1], 10, 64)
		if err1 != nil || err2 != nil || seq < 0 || row < 0 {
			return Watermark{}, bad
		}
		return Watermark{seq: seq, auditRow: row}, nil
	}
	return Watermark{}, bad
}
