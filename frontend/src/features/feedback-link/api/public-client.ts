// The client for the citizen's feedback link. Unlike the staff's client
// (src/lib/api/client.ts) it has no session middleware: these calls never
// carry a staff member's token and never try to refresh a session, even on a
// phone or tablet where someone from the staff is logged in. The token of
// the link goes in the JSON body, never in a URL.
import createClient from 'openapi-fetch';
import type { paths } from '@/lib/api/schema.gen';

// No cookies, and no Referer: the page's address holds the token.
export const publicApi = createClient<paths>({ baseUrl: '/api/v1', credentials: 'omit', referrerPolicy: 'no-referrer' });
