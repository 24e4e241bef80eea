package secrets

import (
	"strings"
	"testing"
)

func TestBox(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	b, err := New(key)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := New([]byte("fedcba9876543210fedcba9876543210"))

	sealed, err := b.Seal("case.citizen_cpr", "6101901234")
	if err != nil {
		t.Fatal(err)
	}
	again, _ := b.Seal("case.citizen_cpr", "6101901234")
	tests := []struct {
		name string
		ok   bool
		got  func() (string, error)
	}{
		{"opens with the same key and purpose", true, func() (string, error) { return b.Open("case.citizen_cpr", sealed) }},
		{"refuses another purpose", false, func() (string, error) { return b.Open("user.email", sealed) }},
		{"refuses another key", false, func() (string, error) { return other.Open("case.citizen_cpr", sealed) }},
		{"refuses a damaged ciphertext", false, func() (string, error) { return b.Open("case.citizen_cpr", sealed[:len(sealed)-2]+"AA") }},
		{"refuses an unknown version", false, func() (string, error) { return b.Open("case.citizen_cpr", "v9:"+sealed[3:]) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pt, err := tt.got()
			if tt.ok && (err != nil || pt != "6101901234") {
				t.Fatalf("got %q, %v", pt, err)
			}
			if !tt.ok && err == nil {
				t.Fatalf("opened to %q", pt)
			}
		})
	}
	t.Run("ciphertext is randomised and holds no plaintext", func(t *testing.T) {
		if sealed == again || strings.Contains(sealed, "6101901234") {
			t.Errorf("sealed = %q, again = %q", sealed, again)
		}
	})
	t.Run("hashes are stable per key and purpose", func(t *testing.T) {
		h := b.Hash("cpr", "6101901234")
		if h != b.Hash("cpr", "6101901234") || h == b.Hash("cpr", "6101901235") ||
			h == other.Hash("cpr", "6101901234") || h == b.Hash("other", "6101901234") {
			t.Error("hash is not keyed and stable")
		}
	})
	t.Run("a short master key is refused", func(t *testing.T) {
		if _, err := New([]byte("short")); err == nil {
			t.Error("accepted a short key")
		}
	})
}
