// Reads a Google Docs address: the Drive file id of the open Doc, told apart from a published copy
// (`/d/e/<id>/pub`), whose id is not a file id and cannot be filed.

export type DocsAddress =
  | { kind: 'document'; docId: string }
  | { kind: 'published' }
  /** Another Docs-family page (Sheets, Slides, the Docs home): not a Doc Rounds can file. */
  | { kind: 'other' };

/** Path and host from an address, without the URL class (the pure core has no DOM or Node built-ins). */
export function splitAddress(url: string): { host: string; path: string } | null {
  const match = /^https?:\/\/([^/?#]+)([^?#]*)/i.exec(url.trim());
  if (!match) return null;
  return { host: match[1]!.toLowerCase().replace(/:\d+$/, ''), path: match[2] || '/' };
}

const PUBLISHED = /^\/document\/(?:u\/\d+\/)?d\/e\/[\w-]+\/pub/;
// Drive file ids are long url-safe base64 strings (44 characters for Docs today); 25 keeps old ones in.
const DOCUMENT = /^\/document\/(?:u\/\d+\/)?d\/([\w-]{25,})(?:\/|$)/;

export function readDocsAddress(url: string): DocsAddress {
  const parts = splitAddress(url);
  if (!parts) return { kind: 'other' };
  if (PUBLISHED.test(parts.path)) return { kind: 'published' };
  const match = DOCUMENT.exec(parts.path);
  return match ? { kind: 'document', docId: match[1]! } : { kind: 'other' };
}

/** The Doc's name from the tab title ("Budget notes - Google Docs"), without Google's suffix. */
export function docNameFromTitle(title: string): string {
  return title.replace(/\s+[-–]\s+Google Docs\s*$/, '').trim();
}
