package testkit

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// FieldErr is one expected field error of a problem document.
type FieldErr struct{ Field, Message string }

func (f FieldErr) String() string { return f.Field + ": " + f.Message }

// WantProblem asserts the status, the problem media type, the detail and
// exactly the field errors given (in the order the server sorts them).
func WantProblem(t testing.TB, r Response, status int, detail string, fields ...FieldErr) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status = %d, want %d; body %s", r.Status, status, r.Body)
	}
	if got := r.Header.Get("Content-Type"); got != "application/problem+json" {
		t.Errorf("content type = %q, want application/problem+json", got)
	}
	if got := Str(r.JSON, "detail"); got != detail {
		t.Errorf("detail = %q\n               want %q", got, detail)
	}
	var got []string
	if es, ok := r.JSON["errors"].([]any); ok {
		for _, e := range es {
			m, _ := e.(map[string]any)
			got = append(got, FieldErr{Str(m, "field"), Str(m, "message")}.String())
		}
	}
	want := make([]string, len(fields))
	for i, f := range fields {
		want[i] = f.String()
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("field errors:\n got  %q\n want %q", got, want)
	}
}

// WantStatus stops the test unless the response has the status.
func WantStatus(t testing.TB, r Response, status int) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status = %d, want %d; body %s", r.Status, status, r.Body)
	}
}

// Str reads a string at a dotted path of a decoded JSON body.
func Str(m map[string]any, path string) string {
	s, _ := Dig(m, path).(string)
	return s
}

// Num reads a whole number at a dotted path.
func Num(m map[string]any, path string) int {
	f, _ := Dig(m, path).(float64)
	return int(f)
}

// List reads an array at a dotted path.
func List(m map[string]any, path string) []any {
	l, _ := Dig(m, path).([]any)
	return l
}

// Dig follows a dotted path with [i] indexes, e.g. "dreams[0].id".
func Dig(v any, path string) any {
	for _, part := range strings.Split(path, ".") {
		name, idx := part, -1
		if i := strings.IndexByte(part, '['); i >= 0 {
			name = part[:i]
			idx, _ = strconv.Atoi(strings.TrimSuffix(part[i+1:], "]"))
		}
		if name != "" {
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[name]
		}
		if idx >= 0 {
			l, ok := v.([]any)
			if !ok || idx >= len(l) {
				return nil
			}
			v = l[idx]
		}
	}
	return v
}

// Strs formats every element of a JSON array.
func Strs(l []any) []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = fmt.Sprint(v)
	}
	return out
}
