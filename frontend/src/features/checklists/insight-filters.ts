// The overview's period and team live in the URL (shareable; the back button
// restores them) under the API's own names. Invalid values are dropped: the
// API refuses them, and the server's default (the last 90 days, all the
// leader's teams) is a good answer to a bad link.
import type { InsightCaseParams, InsightParams } from './api/keys';
import type { ItemStatus, PrincipleCode } from './api/list-checklists';
import { PHASES, type Phase } from '@/features/cases/components/list/filters';

export const PRINCIPLE_CODES = [
  'P1_HOPES',
  'P2_RESOURCES',
  'P3_NETWORK',
  'P4_OPENNESS',
  'P5_EARLY',
  'P6_COORDINATED',
  'P7_FOLLOW_UP',
  'P8_KNOWLEDGE',
] as const satisfies readonly PrincipleCode[];

export const ITEM_STATUSES = ['applied', 'partly_applied', 'not_applied', 'not_relevant_now', 'open'] as const satisfies readonly ItemStatus[];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date as YYYY-MM-DD. */
export function isDate(s: string | null | undefined): s is string {
  if (!s || !DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Period and team from the URL; a team must be one of the leader's. */
export function readInsightParams(sp: URLSearchParams, teamIds: readonly string[]): InsightParams {
  const out: InsightParams = {};
  const from = sp.get('from');
  const to = sp.get('to');
  const team = sp.get('team_id');
  if (isDate(from)) out.from = from;
  if (isDate(to) && (!out.from || to >= out.from)) out.to = to;
  if (team && teamIds.includes(team)) out.team_id = team;
  return out;
}

/** The URL query for a period and team (empty values left out). */
export function insightSearch(params: InsightParams & { status?: ItemStatus }): string {
  const sp = new URLSearchParams();
  if (params.from) sp.set('from', params.from);
  if (params.to) sp.set('to', params.to);
  if (params.team_id) sp.set('team_id', params.team_id);
  if (params.status) sp.set('status', params.status);
  return sp.toString();
}

export function isPrinciple(s: string | null | undefined): s is PrincipleCode {
  return (PRINCIPLE_CODES as readonly string[]).includes(s ?? '');
}

export function isPhase(s: string | null | undefined): s is Phase {
  return (PHASES as readonly string[]).includes(s ?? '');
}

export function isStatus(s: string | null | undefined): s is ItemStatus {
  return (ITEM_STATUSES as readonly string[]).includes(s ?? '');
}

/** The drill-down's query: the cell, the overview's period and team, and an optional answer. */
export function readCaseParams(
  principle: PrincipleCode,
  phase: Phase,
  sp: URLSearchParams,
  teamIds: readonly string[],
): Omit<InsightCaseParams, 'cursor'> {
  const status = sp.get('status');
  return { principle, phase, ...readInsightParams(sp, teamIds), ...(isStatus(status) ? { status } : {}) };
}

/** Problems with a period typed into the form, before it goes into the URL. */
export function validatePeriod(from: string, to: string): { field: 'from' | 'to'; problem: 'date' | 'order' }[] {
  const out: { field: 'from' | 'to'; problem: 'date' | 'order' }[] = [];
  if (from && !isDate(from)) out.push({ field: 'from', problem: 'date' });
  if (to && !isDate(to)) out.push({ field: 'to', problem: 'date' });
  if (isDate(from) && isDate(to) && to < from) out.push({ field: 'to', problem: 'order' });
  return out;
}
