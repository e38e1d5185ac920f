/**
 * The text of a date input, dd/MM/yyyy (and HH:mm), in both languages, and the form value the server reads: the
 * browser's `yyyy-MM-dd` / `yyyy-MM-ddTHH:mm` (what the native pickers sent, so server actions parse as before).
 * Pure: wall-clock fields only, no time zone.
 */
const DAY = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;
const DAY_TIME = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})[\s,]+(\d{1,2}):(\d{2})\s*$/;

export const DAY_TEXT_PATTERN = '\\s*\\d{1,2}/\\d{1,2}/\\d{4}\\s*';
export const DAY_TIME_TEXT_PATTERN = '\\s*\\d{1,2}/\\d{1,2}/\\d{4}[\\s,]+\\d{1,2}:\\d{2}\\s*';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2999) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "7/12/2026" → "2026-12-07"; with `withTime` "07/12/2026 08:30" → "2026-12-07T08:30"; null when not a real date. */
export function textToFormValue(text: string, withTime: boolean): string | null {
  const m = (withTime ? DAY_TIME : DAY).exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDay(y, mo, d)) return null;
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (!withTime) return day;
  const [h, mi] = [Number(m[4]), Number(m[5])];
  if (h > 23 || mi > 59) return null;
  return `${day}T${pad(h)}:${pad(mi)}`;
}

/** "2026-12-07" → "07/12/2026", "2026-12-07T08:30" → "07/12/2026 08:30"; anything else → "". */
export function formValueToText(value: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value ?? '');
  if (!m) return '';
  return `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
}
