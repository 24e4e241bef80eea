package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// The three parties share the machine's cores: the load generator (this
// process), the server and PostgreSQL. How much CPU each spends per request
// says where the time goes and what the machine can carry at most.

// clockTicks is USER_HZ, the unit of utime and stime in /proc/<pid>/stat;
// 100 on every Linux this runs on.
const clockTicks = 100

// cpuOf is the CPU time (user + system) a process has used, children that
// were waited for included.
func cpuOf(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name may hold spaces; the fields start after its ')'.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(f) < 15 {
		return 0, fmt.Errorf("/proc/%d/stat: too few fields", pid)
	}
	var ticks int64
	for _, i := range []int{11, 12} { // utime, stime (fields 14 and 15)
		n, err := strconv.ParseInt(f[i], 10, 64)
		if err != nil {
			return 0, err
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / clockTicks, nil
}

// postgresCPU sums the CPU of every process named postgres: the backends
// serving the server and the background workers (WAL writer,
// checkpointer, autovacuum) its writes cause.
func postgresCPU() time.Duration {
	var total time.Duration
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		comm, err := os.ReadFile(filepath.Join(d, "comm"))
		if err != nil || strings.TrimSpace(string(comm)) != "postgres" {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(d))
		if c, err := cpuOf(pid); err == nil {
			total += c
		}
	}
	return total
}

// cpuSample is a reading of all three.
type cpuSample struct{ bench, server, postgres time.Duration }

func sampleCPU(serverPid int) cpuSample {
	s := cpuSample{postgres: postgresCPU()}
	s.bench, _ = cpuOf(os.Getpid())
	if serverPid > 0 {
		s.server, _ = cpuOf(serverPid)
	}
	return s
}

// cpuUse is CPU per request of each party over a run.
type cpuUse struct {
	Bench, Server, Postgres time.Duration // per request
}

func (a cpuSample) per(b cpuSample, requests int) cpuUse {
	if requests == 0 {
		return cpuUse{}
	}
	n := time.Duration(requests)
	return cpuUse{Bench: (b.bench - a.bench) / n, Server: (b.server - a.server) / n, Postgres: (b.postgres - a.postgres) / n}
}

func (c cpuUse) total() time.Duration { return c.Bench + c.Server + c.Postgres }

func (c cpuUse) String() string {
	us := func(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d)/float64(time.Millisecond)) }
	return fmt.Sprintf("%s / %s / %s", us(c.Server), us(c.Postgres), us(c.Bench))
}

// settle waits until PostgreSQL is quiet before a run, so one run's
// aftermath (a checkpoint, autovacuum of the audit trail it grew) is not
// measured in the next: a checkpoint now, then up to a minute for any
// autovacuum to finish.
func settle(ctx context.Context, dbURL string) {
	if dbURL == "" {
		return
	}
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return
	}
	defer c.Close(ctx)
	_, _ = c.Exec(ctx, "CHECKPOINT")
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		var n int
		if err := c.QueryRow(ctx, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'").Scan(&n); err != nil || n == 0 {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
}
