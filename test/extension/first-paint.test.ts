// The panel's first paint: the open email's subject (or the Doc's name) drawn from the first read where the
// conversation or Doc view draws it, before the main script arrives; nothing when the panel drew first, when
// the page has no such heading, or when the name hides direction controls (the view shows and warns).
import { beforeEach, describe, expect, it } from 'vitest';
import { headingOf, paintHeading } from '../../extension/panel/first-paint';
import type { FirstRead } from '../../extension/panel/first-read';

const thread = (subject: string) => ({
  tabId: 7,
  page: { kind: 'gmail-thread', url: 'https://mail.google.com/mail/u/0/#inbox/x', thread: { subject } },
});

const readOf = (record: unknown): FirstRead => ({
  pinned: 7,
  tab: async () => 7,
  value: async () => ({ value: record }),
  stop: () => undefined,
});

describe('the first paint', () => {
  beforeEach(() => {
    document.body.innerHTML = '<main id="app"></main>';
  });

  it('knows the heading of an email and of a Doc, and of nothing else', () => {
    expect(headingOf(thread('Grade 5 work samples'))).toEqual({
      view: 'conversation',
      text: 'Grade 5 work samples',
    });
    expect(headingOf({ page: { kind: 'doc', name: 'Walk notes', docId: 'x'.repeat(30) } })).toEqual({
      view: 'doc',
      text: 'Walk notes',
    });
    expect(headingOf({ page: { kind: 'gmail-list' } })).toBeUndefined();
    expect(headingOf(thread('   '))).toBeUndefined();
    expect(headingOf(undefined)).toBeUndefined();
    expect(headingOf({ page: { kind: 'gmail-thread', thread: { subject: 42 } } })).toBeUndefined();
  });

  it('draws the subject as text, isolated, under the panel’s name and in the view’s place', async () => {
    const subject = '<img src=x onerror="window.__pwned=1"> Exit tickets';
    expect(await paintHeading(readOf(thread(subject)), 'Rounds')).toBe(true);
    const app = document.getElementById('app')!;
    expect(app.querySelector('h1')!.textContent).toBe('Rounds');
    const h2 = app.querySelector('[data-view="conversation"] article h2 bdi')!;
    expect(h2.textContent).toBe(subject);
    expect(app.querySelector('img')).toBeNull();
    // #app is a live region: the painted heading is not read out before the panel that replaces it.
    expect([...app.children].map((c) => c.getAttribute('aria-hidden'))).toEqual(['true', 'true']);
  });

  it('leaves the page alone when the panel drew first, or the name hides direction controls', async () => {
    document.getElementById('app')!.innerHTML = '<h1>Rounds</h1><p>drawn</p>';
    expect(await paintHeading(readOf(thread('Exit tickets')), 'Rounds')).toBe(false);
    expect(document.getElementById('app')!.innerHTML).toBe('<h1>Rounds</h1><p>drawn</p>');

    document.getElementById('app')!.innerHTML = '';
    expect(await paintHeading(readOf(thread('report\u202Efdp.exe')), 'Rounds')).toBe(false);
    expect(document.getElementById('app')!.childNodes).toHaveLength(0);
  });
});
