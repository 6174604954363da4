// Dates as people type them into an exhibit's date: ISO 8601 (2020-09-16, with or without a time) or the US form
// (9/16/2020, 09/16/2020), read as month/day/year since the app's users file in US courts. Anything else is refused
// with one plain sentence, never guessed at (16/9/2020 and 9/16/20 are not read).
export const DATE_INPUT_MESSAGE = 'Use a date such as 2020-09-16 or 9/16/2020.';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The date as stored (YYYY-MM-DD, or the ISO date-time as typed), or null when the text is not a real date in either form. */
export function readDateInput(text: string): string | null {
  const typed = text.trim();
  const iso = ISO.exec(typed);
  if (iso) return isRealDay(+iso[1]!, +iso[2]!, +iso[3]!) ? typed : null;
  const us = US.exec(typed);
  if (!us) return null;
  const [year, month, day] = [+us[3]!, +us[1]!, +us[2]!];
  if (!isRealDay(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
