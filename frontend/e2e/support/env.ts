// What the global setup provides, and the demo accounts it seeds.
import { inject } from 'vitest';
import * as auth from '../../src/features/auth/messages';
import * as common from '../../src/lib/i18n/common.messages';
import * as admin from '../../src/features/admin/messages';

/** http://127.0.0.1:<port> of the server under test. */
export const baseUrl = (): string => inject('baseUrl');

/** The password of every demo user. */
export const demoPassword = (): string => inject('demoPassword');

/**
 * Demo accounts (api/internal/demo). Team Nord: Ane Holm, Søren Dalby;
 * Team Syd: Maja Østergaard, Jonas Bech; Team Midt: Line Kragh, Søren Dalby.
 */
export const users = {
  admin: { email: 'admin@bic.example', name: 'Karin Vestergaard' },
  leaderNord: { email: 'leder.nord@bic.example', name: 'Morten Kjærsgaard' },
  leaderSyd: { email: 'leder.syd@bic.example', name: 'Helle Brøndum' },
  leaderMidt: { email: 'leder.midt@bic.example', name: 'Jesper Aagaard' },
  caseworkerNord: { email: 'ane.holm@bic.example', name: 'Ane Holm' },
  caseworkerNordMidt: { email: 'soren.dalby@bic.example', name: 'Søren Dalby' },
  caseworkerSyd: { email: 'maja.ostergaard@bic.example', name: 'Maja Østergaard' },
  caseworkerSyd2: { email: 'jonas.bech@bic.example', name: 'Jonas Bech' },
  caseworkerMidt: { email: 'line.kragh@bic.example', name: 'Line Kragh' },
  analyst: { email: 'analytiker@bic.example', name: 'Rikke Thorsen' },
} as const;

export type DemoUser = (typeof users)[keyof typeof users];

/** The UI texts, straight from the web app's message files. */
export const text = {
  da: { common: common.da, auth: auth.da, admin: admin.da },
  en: { common: common.en, auth: auth.en, admin: admin.en },
} as const;

export type Lang = keyof typeof text;

/** Fills {name} placeholders like the app's translate(). */
export function fill(message: string, vars: Record<string, string | number>): string {
  let s = message;
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
