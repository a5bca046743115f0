// Which pages Rounds works beside: Gmail and Google Docs. The worker uses this to enable the side panel
// only on those tabs.
import { splitAddress } from './docs-ids';

export type RoundsSite = 'gmail' | 'docs';

const SITES: Record<string, RoundsSite> = { 'mail.google.com': 'gmail', 'docs.google.com': 'docs' };

/** The site of an https address, or null for every other page (and for an address the browser hid). */
export function roundsSiteOf(url: string | undefined): RoundsSite | null {
  if (!url || !/^https:/i.test(url)) return null;
  const parts = splitAddress(url);
  return parts ? (SITES[parts.host] ?? null) : null;
}
