// Recognises the ISO 8601 dates that web pages, Word documents and email carry, which are kept as they are written.

// A calendar date, optionally with a time (after a T or a space) and a zone (Z, ±hh:mm or ±hhmm).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
// Document metadata (Dublin Core and Office's core properties, both W3C-DTF) may name only a year or a month.
const YEAR_OR_MONTH = /^\d{4}(?:-\d{2})?$/;

/** Whether text is a date such as "2024-04-11", "2024-04-11T06:19:44Z" or "2024-04-11 06:19:44.5+0200". */
export function isIsoDateTime(text: string): boolean {
  return DATE_TIME.test(text);
}

/** Whether text is a date a document's metadata may give: an ISO date or date-time, or just "2024" or "2024-04". */
export function isMetadataDate(text: string): boolean {
  return YEAR_OR_MONTH.test(text) || DATE_TIME.test(text);
}
