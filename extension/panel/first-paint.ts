// The panel's first paint: as soon as storage answers the first read, sidepanel-first.js draws the open
// email's subject or the Doc's name where the conversation or Doc view will draw it (under the panel's name,
// the first view), before the main script has arrived. main.tsx then draws the panel over it in the same
// task, so the heading stays where it is and the rest fills in below. The words are set as text, isolated
// for direction; a name with direction controls is left for the view, which shows them and warns.
import { sessionStore } from '../platform/storage';
import type { FirstRead } from './first-read';
import { tabKeys } from './stored-keys';

/** Unicode's direction controls, as untrusted.tsx lists them (kept here so this file stays small). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The heading of the page a tab's record shows, when it is one the first frame heads with a name. */
export function headingOf(record: unknown): { view: string; text: string } | undefined {
  const page = (record as { page?: { kind?: unknown; thread?: { subject?: unknown }; name?: unknown } })
    ?.page;
  const text =
    page?.kind === 'gmail-thread' ? page.thread?.subject : page?.kind === 'doc' ? page.name : undefined;
  if (typeof text !== 'string' || !text.trim() || BIDI_CONTROLS.test(text)) return undefined;
  return { view: page!.kind === 'doc' ? 'doc' : 'conversation', text };
}

/**
 * Draws the heading into the page's #app once the first read has the tab's record, unless the panel drew
 * first. #app is looked up then: this script may run before the parser has reached it.
 */
export async function paintHeading(read: FirstRead, title: string): Promise<boolean> {
  const tab = await read.tab();
  if (tab === undefined) return false;
  const [key] = tabKeys(tab);
  const found = await read.value('session', key).catch(() => undefined);
  const heading = headingOf(found ? found.value : await sessionStore.get(key).catch(() => undefined));
  if (!heading) return false;
  // The parser may not have reached #app yet (this script is async): it has once the document is interactive.
  if (document.readyState === 'loading')
    await new Promise((resolve) => document.addEventListener('readystatechange', resolve, { once: true }));
  const app = document.getElementById('app');
  if (!app || app.firstChild) return false;
  const h1 = document.createElement('h1');
  h1.textContent = title;
  const view = document.createElement('div');
  view.dataset.view = heading.view;
  const article = document.createElement('article');
  const h2 = document.createElement('h2');
  h2.append(document.createElement('bdi'));
  h2.firstElementChild!.textContent = heading.text;
  article.append(h2);
  view.append(article);
  // Hidden from screen readers: #app is a live region, and the panel drawn over it a moment later is what
  // they should read, once.
  for (const painted of [h1, view]) painted.setAttribute('aria-hidden', 'true');
  app.replaceChildren(h1, view);
  return true;
}
