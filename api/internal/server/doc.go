// Package server builds the Echo instance: middleware (request ids, client
// address, body limit, security headers, access log, rate-limit headers),
// health endpoints, the OpenAPI document, the single-page app and the
// domain routes. It holds no business logic.
//
//	@title						Borgeren i centrum API
//	@version					1.0
//	@description				Case work for adult disability services built on the model "Borgeren i centrum": cases with the citizen's hopes, wishes and dreams, contact agreements and expectation alignment, SMART goals and follow-up, and checklists of the eight recovery principles per phase, with team-scoped access and a full audit trail. Errors are RFC 9457 problem documents (application/problem+json).
//	@contact.name				BIC developers
//	@contact.url				https://bic.example/support
//	@contact.email				support@bic.example
//	@license.name				Proprietary
//	@license.url				https://bic.example/license
//	@host						localhost:8080
//	@BasePath					/api/v1
//	@schemes					https http
//	@tag.name					auth
//	@tag.description			Logging in and out, renewing tokens, who am I; personal API tokens; the OAuth 2.0 client-credentials token endpoint for service accounts.
//	@tag.name					cases
//	@tag.description			Cases (sager): the citizen, phases, hopes and dreams, resources, network, contact agreement and expectation alignment.
//	@tag.name					goals
//	@tag.description			SMART goals and sub-goals, progress from the citizen and the caseworker, follow-up reviews, and the citizen's plan.
//	@tag.name					principles
//	@tag.description			The eight principles of recovery-oriented rehabilitation and their phase mapping, as versioned reference data.
//	@tag.name					checklists
//	@tag.description			Per case and phase: how each principle was applied. Read by the phase gate.
//	@tag.name					insights
//	@tag.description			Overviews for leaders across their teams' cases.
//	@tag.name					meetings
//	@tag.description			Meetings with the citizen, and actual contact against the contact agreement.
//	@tag.name					feedback
//	@tag.description			FIT (ORS and SRS) and the three feedback questions per meeting, the server's reading of them, feedback links and the signals that close the loop.
//	@tag.name					public
//	@tag.description			What a citizen opens from a feedback link, without an account.
//	@tag.name					settings
//	@tag.description			Municipality-wide settings, such as the phase-gate mode.
//	@tag.name					audit
//	@tag.description			Who has read or changed citizen data.
//	@tag.name					exports
//	@tag.description			Datasets for analysts and outside systems, streamed as CSV, NDJSON, XLSX or Parquet: pseudonymised by default, pulled incrementally with a watermark.
//	@tag.name					admin
//	@tag.description			Users, teams and service accounts (outside systems with client credentials).
//	@securityDefinitions.apikey	BearerAuth
//	@in							header
//	@name						Authorization
//	@description				Access token sent as "Bearer <token>": a session's JWT from POST /auth/login, a service account's JWT from POST /auth/token (client credentials), or a personal token (bicp_…) from POST /me/tokens. JWTs are handled per RFC8725: only HS256 is accepted (never "none"), and exp, iss and aud are required and checked. A personal or service token reaches only the endpoints its scopes name (cases:read: GET /cases and GET /cases/{id}; exports:read: GET /exports and GET /exports/{dataset}; any token: GET /me); anything else answers 403.
package server
