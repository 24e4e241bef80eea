// Package apispec embeds the OpenAPI document so the binary serves exactly
// the contract it was built with. `make openapi` writes openapi.yaml at the
// repository root and this copy; CI fails when either is stale.
package apispec

import _ "embed"

// YAML is the OpenAPI 3 document.
//
//go:embed openapi.yaml
var YAML []byte
