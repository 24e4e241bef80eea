// The plan and notes forms of a meeting, free of React: form state from a
// meeting, the local date and time ↔ RFC 3339 with the browser's offset, the
// server's rules checked before sending, and the request bodies (lists go
// back whole; kept items with their ids, as the API wants).
import type { MeetingChange } from './api/update-meeting';
import type { MeetingRequest } from './api/create-meeting';
import type { AgendaItem, Meeting, MeetingForm, MeetingStatus, ParticipantKind, Responsible } from './api/list-meetings';

export const MAX = { place: 200, name: 200, agenda: 300, summary: 4000, agreement: 1000 } as const;

export type ParticipantRow = { kind: ParticipantKind; name: string; note?: string };
export type AgendaRow = { id?: string; text: string; addedBy: AgendaItem['added_by'] };
export type PlanState = {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
  form: MeetingForm;
  place: string;
  participants: ParticipantRow[];
  agenda: AgendaRow[];
  agendaSent: boolean;
};

export type AgreementRow = { id?: string; text: string; responsible: Responsible; due: string };
export type NotesState = { summary: string; agreements: AgreementRow[]; status: MeetingStatus };

/** A problem with one field, named by its API path (starts_at, agenda[0].text …). */
export type FieldProblem = { field: string; problem: 'date' | 'time' | 'required' | 'tooLong' | 'heldFuture' | 'dueDate'; n?: number };

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD and HH:MM of an instant in the browser's time zone. */
export function localParts(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { date: '', time: '' };
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

export function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getFullYear() === Number(m[1]) && d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]);
}

export function isTime(s: string): boolean {
  return TIME.test(s.trim());
}

/** "2026-11-24" + "10:00" in the browser's zone → "2026-11-24T10:00:00+01:00"; null when either is not valid. */
export function toStartsAt(date: string, time: string): string | null {
  const tm = TIME.exec(time.trim());
  const dm = DATE.exec(date);
  if (!tm || !dm || !isDate(date)) return null;
  const local = new Date(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), Number(tm[1]), Number(tm[2]));
  const off = -local.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${date}T${tm[1]}:${tm[2]}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A new meeting: today, the current quarter hour (so it can be held at once), at the office, with the citizen. */
export function emptyPlan(now: Date = new Date()): PlanState {
  const q = new Date(now.getTime());
  q.setMinutes(Math.floor(q.getMinutes() / 15) * 15, 0, 0);
  const { date, time } = localParts(q.toISOString());
  return { date, time, form: 'office', place: '', participants: [{ kind: 'citizen', name: '' }], agenda: [], agendaSent: false };
}

export function planFromMeeting(m: Meeting): PlanState {
  const { date, time } = localParts(m.starts_at);
  return {
    date,
    time,
    form: m.form,
    place: m.place,
    participants: m.participants.map((p) => ({ kind: p.kind, name: p.name ?? '', ...(p.note ? { note: p.note } : {}) })),
    agenda: m.agenda.map((a) => ({ id: a.id, text: a.text, addedBy: a.added_by })),
    agendaSent: m.agenda_sent,
  };
}

function tooLong(out: FieldProblem[], field: string, v: string, n: number) {
  if ([...v].length > n) out.push({ field, problem: 'tooLong', n });
}

export function validatePlan(s: PlanState): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!isDate(s.date)) out.push({ field: 'starts_at', problem: 'date' });
  if (!isTime(s.time)) out.push({ field: 'starts_at_time', problem: 'time' });
  tooLong(out, 'place', s.place, MAX.place);
  s.participants.forEach((p, i) => tooLong(out, `participants[${i}].name`, p.name, MAX.name));
  s.agenda.forEach((a, i) => {
    if (!a.text.trim()) out.push({ field: `agenda[${i}].text`, problem: 'required' });
    else tooLong(out, `agenda[${i}].text`, a.text, MAX.agenda);
  });
  return out;
}

function planBody(s: PlanState) {
  return {
    starts_at: toStartsAt(s.date, s.time) ?? '',
    form: s.form,
    place: s.place.trim(),
    participants: s.participants.map((p) => ({ kind: p.kind, ...(p.name.trim() ? { name: p.name.trim() } : {}), ...(p.note ? { note: p.note } : {}) })),
    agenda_sent: s.agendaSent,
    // A citizen's topic goes back in their own words (it can be removed, not reworded).
    agenda: s.agenda.map((a) => ({ ...(a.id ? { id: a.id } : {}), text: a.addedBy === 'citizen' ? a.text : a.text.trim() })),
  };
}

export function toMeetingRequest(s: PlanState): MeetingRequest {
  return planBody(s);
}

export function toPlanChange(s: PlanState): MeetingChange {
  return planBody(s);
}

export function notesFromMeeting(m: Meeting, now: Date = new Date()): NotesState {
  // A planned meeting that has started is most likely being written up after it was held.
  const status: MeetingStatus = m.status === 'planned' && new Date(m.starts_at) <= now ? 'held' : m.status;
  return {
    summary: m.summary,
    agreements: m.agreements.map((a) => ({ id: a.id, text: a.text, responsible: a.responsible, due: a.due_date ?? '' })),
    status,
  };
}

export function validateNotes(s: NotesState, startsAt: string, now: Date = new Date()): FieldProblem[] {
  const out: FieldProblem[] = [];
  tooLong(out, 'summary', s.summary, MAX.summary);
  s.agreements.forEach((a, i) => {
    if (!a.text.trim()) out.push({ field: `agreements[${i}].text`, problem: 'required' });
    else tooLong(out, `agreements[${i}].text`, a.text, MAX.agreement);
    if (a.due && !isDate(a.due)) out.push({ field: `agreements[${i}].due_date`, problem: 'dueDate' });
  });
  if (s.status === 'held' && new Date(startsAt) > now) out.push({ field: 'status', problem: 'heldFuture' });
  return out;
}

export function toNotesChange(s: NotesState): MeetingChange {
  return {
    summary: s.summary.trim(),
    agreements: s.agreements.map((a) => ({
      ...(a.id ? { id: a.id } : {}),
      text: a.text.trim(),
      responsible: a.responsible,
      ...(a.due ? { due_date: a.due } : {}),
    })),
    status: s.status,
  };
}
