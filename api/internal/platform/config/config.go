// Package config reads the server's configuration once, from BIC_* environment
// variables, validates it and hands it down explicitly. There are no package
// globals: tests build a Config by hand.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the zone database ships in the binary, so BIC_TIMEZONE works on any host
)

// Config is the effective configuration.
type Config struct {
	Addr        string // BIC_ADDR
	DatabaseURL string // BIC_DATABASE_URL; empty = embedded SQLite under DataDir
	DataDir     string // BIC_DATA_DIR
	Demo        bool   // BIC_DEMO
	// DemoPassword is the password of every demo user (BIC_DEMO_PASSWORD);
	// empty means generate one and keep it in DataDir.
	DemoPassword string
	StaticDir    string // BIC_STATIC_DIR: built single-page app, served at /

	BootstrapAdminEmail    string // BIC_BOOTSTRAP_ADMIN_EMAIL
	BootstrapAdminPassword string // BIC_BOOTSTRAP_ADMIN_PASSWORD(_FILE)

	// Key material. Empty means "generate into DataDir" (embedded default only).
	JWTSecret     []byte // BIC_JWT_SECRET(_FILE)
	EncryptionKey []byte // BIC_ENCRYPTION_KEY(_FILE)

	AccessTokenTTL  time.Duration // BIC_ACCESS_TOKEN_TTL
	RefreshTokenTTL time.Duration // BIC_REFRESH_TOKEN_TTL

	TrustProxy bool       // BIC_TRUST_PROXY: take the client address from X-Forwarded-For
	LogLevel   slog.Level // BIC_LOG_LEVEL
	BodyLimit  int64      // BIC_BODY_LIMIT_BYTES
	RateLimit  int        // BIC_RATE_LIMIT: requests per minute per client address, 0 = off
	// BIC_FEEDBACK_RATE_LIMIT: requests per minute per client address to the
	// citizen's feedback links, which need no account; 0 = off.
	FeedbackRateLimit int
	// Location is the municipality's time zone (BIC_TIMEZONE): "today",
	// overdue follow-ups and "not in the future" follow its wall clock.
	Location *time.Location
}

// Embedded reports whether the server runs on the embedded SQLite default.
func (c Config) Embedded() bool { return c.DatabaseURL == "" }

// SQLitePath is the embedded database file.
func (c Config) SQLitePath() string { return filepath.Join(c.DataDir, "bic.sqlite") }

// Defaults returns the configuration with nothing set.
func Defaults() Config {
	return Config{
		Addr:              "127.0.0.1:8080",
		DataDir:           "./data",
		StaticDir:         "./frontend/dist",
		AccessTokenTTL:    15 * time.Minute,
		RefreshTokenTTL:   12 * time.Hour,
		LogLevel:          slog.LevelInfo,
		BodyLimit:         1 << 20,
		RateLimit:         1200,
		FeedbackRateLimit: 30,
		Location:          mustZone("Europe/Copenhagen"),
	}
}

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("config: embedded zone database lacks " + name)
	}
	return loc
}

// Load parses the environment given as a lookup function (os.LookupEnv in
// production) and validates the result. Every problem is reported, each naming
// its variable.
func Load(getenv func(string) (string, bool)) (Config, error) {
	c := Defaults()
	var errs []error
	str := func(name string, dst *string) {
		if v, ok := getenv(name); ok && strings.TrimSpace(v) != "" {
			*dst = strings.TrimSpace(v)
		}
	}
	secret := func(name string) string {
		v, _ := getenv(name)
		if f, ok := getenv(name + "_FILE"); ok && f != "" {
			if v != "" {
				errs = append(errs, fmt.Errorf("%s and %s_FILE are both set; use one", name, name))
				return ""
			}
			b, err := os.ReadFile(f)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s_FILE: %w", name, err))
				return ""
			}
			return strings.TrimSpace(string(b))
		}
		return v
	}
	boolean := func(name string, dst *bool) {
		if v, ok := getenv(name); ok && v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %q is not true or false", name, v))
				return
			}
			*dst = b
		}
	}
	duration := func(name string, dst *time.Duration) {
		if v, ok := getenv(name); ok && v != "" {
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 {
				errs = append(errs, fmt.Errorf("%s: %q is not a positive duration such as 15m", name, v))
				return
			}
			*dst = d
		}
	}

	str("BIC_ADDR", &c.Addr)
	str("BIC_DATABASE_URL", &c.DatabaseURL)
	str("BIC_DATA_DIR", &c.DataDir)
	str("BIC_STATIC_DIR", &c.StaticDir)
	boolean("BIC_DEMO", &c.Demo)
	boolean("BIC_TRUST_PROXY", &c.TrustProxy)
	str("BIC_BOOTSTRAP_ADMIN_EMAIL", &c.BootstrapAdminEmail)
	c.BootstrapAdminPassword = secret("BIC_BOOTSTRAP_ADMIN_PASSWORD")
	c.DemoPassword = secret("BIC_DEMO_PASSWORD")
	duration("BIC_ACCESS_TOKEN_TTL", &c.AccessTokenTTL)
	duration("BIC_REFRESH_TOKEN_TTL", &c.RefreshTokenTTL)

	if v := secret("BIC_JWT_SECRET"); v != "" {
		k, err := decodeKey(v)
		if err != nil || len(k) < 32 {
			errs = append(errs, errors.New("BIC_JWT_SECRET: must be at least 32 bytes, given as base64 or hex"))
		}
		c.JWTSecret = k
	}
	if v := secret("BIC_ENCRYPTION_KEY"); v != "" {
		k, err := decodeKey(v)
		if err != nil || len(k) != 32 {
			errs = append(errs, errors.New("BIC_ENCRYPTION_KEY: must be exactly 32 bytes, given as base64 or hex"))
		}
		c.EncryptionKey = k
	}
	if v, ok := getenv("BIC_LOG_LEVEL"); ok && v != "" {
		if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
			errs = append(errs, fmt.Errorf("BIC_LOG_LEVEL: %q is not one of debug, info, warn, error", v))
		}
	}
	if v, ok := getenv("BIC_BODY_LIMIT_BYTES"); ok && v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1024 {
			errs = append(errs, fmt.Errorf("BIC_BODY_LIMIT_BYTES: %q must be a whole number of at least 1024", v))
		}
		c.BodyLimit = n
	}
	if v, ok := getenv("BIC_TIMEZONE"); ok && v != "" {
		loc, err := time.LoadLocation(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("BIC_TIMEZONE: %q is not a time zone such as Europe/Copenhagen", v))
		} else {
			c.Location = loc
		}
	}
	if v, ok := getenv("BIC_RATE_LIMIT"); ok && v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			errs = append(errs, fmt.Errorf("BIC_RATE_LIMIT: %q must be a whole number of requests per minute (0 switches it off)", v))
		}
		c.RateLimit = n
	}
	if v, ok := getenv("BIC_FEEDBACK_RATE_LIMIT"); ok && v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			errs = append(errs, fmt.Errorf("BIC_FEEDBACK_RATE_LIMIT: %q must be a whole number of requests per minute (0 switches it off)", v))
		}
		c.FeedbackRateLimit = n
	}
	if err := c.Validate(); err != nil {
		errs = append(errs, err)
	}
	return c, errors.Join(errs...)
}

// Validate checks cross-field rules.
func (c Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("BIC_ADDR: %q is not host:port", c.Addr))
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		errs = append(errs, errors.New("BIC_DATABASE_URL: must start with postgres:// (leave it unset for the embedded database)"))
	}
	if c.AccessTokenTTL > 15*time.Minute {
		errs = append(errs, errors.New("BIC_ACCESS_TOKEN_TTL: at most 15m"))
	}
	if (c.BootstrapAdminEmail == "") != (c.BootstrapAdminPassword == "") {
		errs = append(errs, errors.New("BIC_BOOTSTRAP_ADMIN_EMAIL and BIC_BOOTSTRAP_ADMIN_PASSWORD must be set together"))
	}
	if c.BootstrapAdminPassword != "" && len(c.BootstrapAdminPassword) < 12 {
		errs = append(errs, errors.New("BIC_BOOTSTRAP_ADMIN_PASSWORD: at least 12 characters"))
	}
	if !c.Embedded() && (len(c.JWTSecret) == 0 || len(c.EncryptionKey) == 0) {
		// Replicas behind a load balancer must share keys, so they cannot be
		// generated per process when PostgreSQL is used.
		errs = append(errs, errors.New("BIC_JWT_SECRET and BIC_ENCRYPTION_KEY (or their _FILE variants) are required with BIC_DATABASE_URL"))
	}
	return errors.Join(errs...)
}

// LogValue masks secrets when the effective configuration is logged.
func (c Config) LogValue() slog.Value {
	db := "embedded sqlite: " + c.SQLitePath()
	if c.DatabaseURL != "" {
		db = maskURL(c.DatabaseURL)
	}
	return slog.GroupValue(
		slog.String("addr", c.Addr),
		slog.String("database", db),
		slog.String("data_dir", c.DataDir),
		slog.Bool("demo", c.Demo),
		slog.String("static_dir", c.StaticDir),
		slog.String("bootstrap_admin", c.BootstrapAdminEmail),
		slog.Bool("jwt_secret_set", len(c.JWTSecret) > 0),
		slog.Bool("encryption_key_set", len(c.EncryptionKey) > 0),
		slog.Duration("access_token_ttl", c.AccessTokenTTL),
		slog.Duration("refresh_token_ttl", c.RefreshTokenTTL),
		slog.Bool("trust_proxy", c.TrustProxy),
		slog.Int("rate_limit_per_minute", c.RateLimit),
		slog.Int("feedback_rate_limit_per_minute", c.FeedbackRateLimit),
		slog.String("timezone", c.Location.String()),
	)
}

func maskURL(u string) string {
	at := strings.LastIndex(u, "@")
	scheme := strings.Index(u, "://")
	if at < 0 || scheme < 0 {
		return u
	}
	creds := u[scheme+3 : at]
	if i := strings.Index(creds, ":"); i >= 0 {
		creds = creds[:i] + ":xxxxx"
	}
	return u[:scheme+3] + creds + u[at:]
}
