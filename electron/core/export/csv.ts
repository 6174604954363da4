// CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order mark so that Excel reads
// accents right, and cells that would start a formula defused with a leading apostrophe.

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvBytes(rows: string[][]): Uint8Array {
  const text = rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  return new TextEncoder().encode(`\uFEFF${text}`);
}
