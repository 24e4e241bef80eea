/** Loose shape check before sending: DDMMYY-SSSS or ten digits (the API checks the date). */
export function looksLikeCpr(value: string): boolean {
  return /^\d{6}-?\d{4}$/.test(value.trim().replace(/\s+/g, ''));
}

/** Normalises spaces away; the API accepts both DDMMYY-SSSS and ten digits. */
export function normaliseCpr(value: string): string {
  return value.trim().replace(/\s+/g, '');
}
