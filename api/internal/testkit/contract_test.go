package testkit

import (
	"net/http"
	"strings"
	"testing"
)

// The contract check must be able to fail, or every HTTP test that relies on
// it proves nothing.
func TestContractCatchesViolations(t *testing.T) {
	c, err := LoadContract()
	if err != nil {
		t.Fatal(err)
	}
	resp := func(status int, ctype, body string) *http.Response {
		h := http.Header{}
		h.Set("Content-Type", ctype)
		h.Set("RateLimit-Limit", "100")
		h.Set("RateLimit-Remaining", "99")
		h.Set("RateLimit-Reset", "60")
		return &http.Response{StatusCode: status, Header: h}
	}
	me, _ := http.NewRequest(http.MethodGet, "http://x/api/v1/me", nil)
	me.Header.Set("Authorization", "Bearer t")
	okBody := `{"id":"3f0c4e2a-8d1b-4c1e-9a7b-2d5f6e8a9b0c","email":"a@b.example","name":"A","role":"admin","teams":[],"active":true,"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}`
	tests := []struct {
		name    string
		req     *http.Request
		reqBody string
		resp    *http.Response
		body    string
		wantErr string
	}{
		{"a conforming response passes", me, "", resp(200, "application/json", okBody), okBody, ""},
		{"a missing required field fails", me, "", resp(200, "application/json", `{"id":"3f0c4e2a-8d1b-4c1e-9a7b-2d5f6e8a9b0c"}`), `{"id":"3f0c4e2a-8d1b-4c1e-9a7b-2d5f6e8a9b0c"}`, "does not match"},
		{"an undeclared status fails", me, "", resp(418, "application/problem+json", `{}`), `{}`, "does not match"},
		{"an enum value outside the contract fails", me, "", resp(200, "application/json", strings.Replace(okBody, `"admin"`, `"superuser"`, 1)), strings.Replace(okBody, `"admin"`, `"superuser"`, 1), "does not match"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := c.Validate(tt.req, []byte(tt.reqBody), tt.resp, []byte(tt.body))
			if tt.wantErr == "" && err != nil {
				t.Fatalf("unexpected violation: %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
	t.Run("a request the contract forbids must not succeed", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, "http://x/api/v1/teams", strings.NewReader(`{"nom":"x"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer t")
		body := `{"id":"3f0c4e2a-8d1b-4c1e-9a7b-2d5f6e8a9b0c","name":"x","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}`
		err := c.Validate(req, []byte(`{"nom":"x"}`), resp(201, "application/json", body), []byte(body))
		if err == nil || !strings.Contains(err.Error(), "forbids") {
			t.Fatalf("err = %v", err)
		}
	})
}
