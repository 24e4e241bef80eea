package server

import "github.com/borgeren-i-centrum/bic/api/internal/platform/actor"

// anyScope marks a route that any token may call, whatever its scopes.
const anyScope actor.Scope = ""

// routeScopes is the route gate for tokens with scopes (personal tokens and
// service accounts' client-credentials tokens): method and Echo route
// template → the scope the token must carry. A route that is not listed is
// closed to every such token (403), so a new endpoint stays out of reach of
// integrations until it is added here on purpose. A password session is not
// affected: it has every right of its role.
//
// Only reads are listed. The services still apply the role and team rules
// behind the gate: a cases:read token sees only its account's teams' cases.
var routeScopes = map[string]actor.Scope{
	"GET /api/v1/me":        anyScope,
	"GET /api/v1/cases":     actor.ScopeCasesRead,
	"GET /api/v1/cases/:id": actor.ScopeCasesRead,
	"GET /api/v1/exports":   actor.ScopeExportsRead,
	// The exports service checks the scope per dataset: exports:read for
	// case data, audit:read for the audit trail.
	"GET /api/v1/exports/:dataset": anyScope,
}

// RouteScope reports the scope a token needs for a route (see routeScopes);
// ok is false when no token may call it.
func RouteScope(method, routePath string) (actor.Scope, bool) {
	s, ok := routeScopes[method+" "+routePath]
	return s, ok
}

// ScopedRoutes lists the routes tokens may call, for tests and documents.
func ScopedRoutes() map[string]actor.Scope {
	out := make(map[string]actor.Scope, len(routeScopes))
	for k, v := range routeScopes {
		out[k] = v
	}
	return out
}
