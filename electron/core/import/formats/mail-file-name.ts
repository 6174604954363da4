// Names and media types for attachments whose container gave only one of the two (or neither).

const TYPES: [ext: string, mediaType: string][] = [
  ['pdf', 'application/pdf'],
  ['eml', 'message/rfc822'],
  ['msg', 'application/vnd.ms-outlook'],
  ['txt', 'text/plain'],
  ['html', 'text/html'],
  ['htm', 'text/html'],
  ['ics', 'text/calendar'],
  ['csv', 'text/csv'],
  ['xml', 'application/xml'],
  ['json', 'application/json'],
  ['rtf', 'application/rtf'],
  ['png', 'image/png'],
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['gif', 'image/gif'],
  ['bmp', 'image/bmp'],
  ['tif', 'image/tiff'],
  ['tiff', 'image/tiff'],
  ['webp', 'image/webp'],
  ['zip', 'application/zip'],
  ['doc', 'application/msword'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xls', 'application/vnd.ms-excel'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt', 'application/vnd.ms-powerpoint'],
  ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['p7s', 'application/pkcs7-signature'],
  ['p7m', 'application/pkcs7-mime'],
  ['wav', 'audio/wav'],
  ['mp3', 'audio/mpeg'],
  ['mp4', 'video/mp4'],
];

const EXTENSION_ALIASES: Record<string, string> = {
  'application/ics': 'ics',
  'application/x-pkcs7-signature': 'p7s',
  'application/x-pkcs7-mime': 'p7m',
  'image/pjpeg': 'jpg',
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

export function mediaTypeForName(fileName: string): string | null {
  const ext = extensionOf(fileName);
  return TYPES.find(([e]) => e === ext)?.[1] ?? null;
}

function extensionForType(mediaType: string | null): string | null {
  if (!mediaType) return null;
  const type = mediaType.toLowerCase();
  const known = EXTENSION_ALIASES[type] ?? TYPES.find(([, t]) => t === type)?.[0];
  if (known) return known;
  if (type.startsWith('text/')) return type.endsWith('html') ? 'html' : 'txt';
  return null;
}

/** A name for an attachment that came without one: `attachment-3.pdf`, or `<title>.eml` for an attached message. */
export function fallbackName(position: number, mediaType: string | null, title?: string | null): string {
  const ext = extensionForType(mediaType) ?? 'bin';
  const base = title ? safeBase(title) : '';
  return `${base || `attachment-${position}`}.${ext}`;
}

/** Makes sure an attached message's name ends in `.eml`, so the pipeline reads it as one. */
export function withExtension(fileName: string, ext: string): string {
  return extensionOf(fileName) === ext ? fileName : `${fileName}.${ext}`;
}

// Only for names we make up: a subject can hold path separators and control characters.
function safeBase(title: string): string {
  return title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 100);
}
