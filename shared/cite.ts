// How an exhibit and its pages are cited in a brief: "Ex. 12 at 3–4", or "PX-012 at 3" when the number has a prefix.

export function pinpointCite(exhibitNo: string, pageFrom: number | null, pageTo: number | null): string {
  const name = /^\d/.test(exhibitNo) ? `Ex. ${exhibitNo}` : exhibitNo;
  if (pageFrom == null) return name;
  const pages = pageTo != null && pageTo !== pageFrom ? `${pageFrom}–${pageTo}` : `${pageFrom}`;
  return `${name} at ${pages}`;
}
