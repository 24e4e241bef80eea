package httpx

import (
	"encoding/base64"
	"encoding/json"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// EncodeCursor turns a keyset position into an opaque string.
func EncodeCursor(v any) string {
	b, _ := json.Marshal(v) // positions are plain structs of strings and numbers
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor reverses EncodeCursor. A cursor that does not decode is a 400.
func DecodeCursor(s string, dst any) error {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, dst)
	}
	if err != nil {
		e := errs.New(errs.BadRequest, "The cursor is not valid; start again from the first page.")
		e.Fields = []errs.FieldError{{Field: "cursor", Message: "is not a cursor this server issued"}}
		return e
	}
	return nil
}
