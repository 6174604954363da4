// The headers every response of the app carries (browser mode over HTTP, the desktop's app:// and vault:// schemes): a
// strict Content-Security-Policy and no caching of evidence. One home, since both transports must send the same.

// The same policy the Electron window enforces: nothing but the app's own origin; pdf.js needs its worker and wasm.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/** Types the app's viewer shows as they are (a PDF, a picture a browser draws); any other original is only bytes. */
const SHOWN_AS_IS = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

/**
 * The headers of an original served to the app (vault://case in Electron, /vault in browser mode). An original is
 * evidence from outside, never a page of the app: it is sandboxed with nothing allowed, served as bytes unless the
 * viewer shows its type, and a download rather than a page if anything ever navigates to it.
 */
export function originalHeaders(mediaType: string): Record<string, string> {
  const shown = SHOWN_AS_IS.has(mediaType);
  return {
    ...SECURITY_HEADERS,
    'content-security-policy': "sandbox; default-src 'none'",
    'content-type': shown ? mediaType : 'application/octet-stream',
    'content-disposition': 'attachment',
  };
}
