// The Gmail adapter on invented pages that mimic Gmail's markup (test/fixtures/gmail).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readGmailPage } from '../../extension/content/gmail-page';
import { checkSeenPage } from '../../shared/browser/seen-page';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/gmail', name), 'utf8');
const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJrHxGwZlkDcTqSsVvWpXb';

function load(name: string): Document {
  document.documentElement.innerHTML = new DOMParser().parseFromString(
    fixture(name),
    'text/html',
  ).documentElement.innerHTML;
  return document;
}

describe('reading an open Gmail conversation', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '';
  });

  it('reads the conversation on screen, not the list beside it or an older one Gmail hid', () => {
    const page = readGmailPage(load('thread.html'), THREAD_URL);
    expect(page.kind).toBe('gmail-thread');
    if (page.kind !== 'gmail-thread') return;
    expect(page.thread.subject).toBe('Rounds: visit plan for Maple Grove');
    expect(page.thread.id).toBe('18c05a5e07f59c35');
    expect(page.thread.messages).toHaveLength(2);
    expect(page.thread.collapsed).toBe(1);
    expect(page.thread.messages.map((m) => m.from.email)).toEqual([
      'ild.harper@example.org',
      'p.okafor@example.org',
    ]);
  });

  it('gives each message its sender, recipients, date and Gmail API id', () => {
    const page = readGmailPage(load('thread.html'), THREAD_URL);
    if (page.kind !== 'gmail-thread') throw new Error(`expected a thread, got ${page.kind}`);
    const [first, second] = page.thread.messages;
    expect(first).toMatchObject({
      id: '18c05a5e07f59c35',
      from: { name: 'Dana Harper', email: 'ild.harper@example.org' },
      to: [
        { name: 'Pat Okafor', email: 'p.okafor@example.org' },
        { name: 'Jo Lindqvist', email: 'j.lindqvist@example.org' },
      ],
      date: { text: 'Mon, Nov 3, 2025, 9:14 AM', local: '2025-11-03T09:14' },
      attachments: [],
    });
    // The second message has only the decimal id on the page; it converts to the same hex the API uses.
    expect(second!.id).toBe('18c05a89b3cdd04e');
    expect(second!.date.local).toBe('2025-11-04T13:47');
    expect(second!.attachments.map((a) => a.name)).toEqual([
      'look-fors-maple-grove.pdf',
      'visit-schedule.xlsx',
    ]);
  });

  it('keeps the line breaks of the body so deadlines stay in their sentences', () => {
    const page = readGmailPage(load('thread.html'), THREAD_URL);
    if (page.kind !== 'gmail-thread') throw new Error(`expected a thread, got ${page.kind}`);
    expect(page.thread.messages[0]!.body).toBe(
      'Hi both,\nOur next round is at Maple Grove. Please send your look-fors by Friday, November 7.\n\nThanks,\nDana',
    );
  });

  it('produces a record that passes the shared schema', () => {
    const checked = checkSeenPage(readGmailPage(load('thread.html'), THREAD_URL));
    expect(checked).toMatchObject({ ok: true });
  });

  it('leaves the id of a message the user has just sent unknown', () => {
    const page = readGmailPage(load('just-sent.html'), THREAD_URL);
    if (page.kind !== 'gmail-thread') throw new Error(`expected a thread, got ${page.kind}`);
    expect(page.thread.id).toBeNull();
    expect(page.thread.messages[0]!.id).toBeNull();
    expect(checkSeenPage(page).ok).toBe(true);
  });

  it('says no email is open on the inbox', () => {
    expect(readGmailPage(load('inbox.html'), 'https://mail.google.com/mail/u/0/#inbox')).toEqual({
      kind: 'gmail-list',
      url: 'https://mail.google.com/mail/u/0/#inbox',
    });
  });
});

describe('a Gmail page Rounds cannot read', () => {
  it("says so when the conversation's markup changed, instead of crashing or guessing", () => {
    const page = readGmailPage(load('changed-gmail.html'), THREAD_URL);
    expect(page).toEqual({
      kind: 'gmail-unreadable',
      url: THREAD_URL,
      missing: ['the subject of the conversation (h2.hP)'],
    });
  });

  it('names the parts of a message it could not find', () => {
    const page = readGmailPage(load('changed-sender.html'), THREAD_URL);
    expect(page.kind).toBe('gmail-unreadable');
    if (page.kind !== 'gmail-unreadable') return;
    expect(page.missing).toEqual([
      'the sender of a message (span.gD[email])',
      'the date of a message (span.g3[title])',
    ]);
  });

  it('notices a subject with no readable messages under it', () => {
    const doc = load('thread.html');
    for (const message of Array.from(doc.querySelectorAll('div.adn.ads')))
      message.removeAttribute('data-message-id');
    expect(readGmailPage(doc, THREAD_URL)).toMatchObject({
      kind: 'gmail-unreadable',
      missing: ['the messages of the conversation (div.adn.ads[data-message-id])'],
    });
  });
});
