// The small pieces filing stands on, as a user would notice them: Google's sign-in answer read (or
// refused) correctly, Gmail's "show original" address and answer recognised, the ticked conversations of
// the list found, a huge tab record trimmed to fit, and direction-control characters made visible.
import { describe, expect, it } from 'vitest';
import { readRedirect, consentUrl, SignInFailed } from '../../extension/platform/identity';
import { looksLikeMessage, mailboxBase, originalUrl, ownCopy } from '../../extension/content/gmail-original';
import { listConversations } from '../../extension/content/gmail-list';
import { MAX_RECORD_CHARS, trimRecord } from '../../extension/background/seen-pages';
import { hasBidiControls, revealBidiControls } from '../../extension/panel/untrusted';
import { driveIdOf } from '../../extension/panel/views/connect';
import type { StoredSeenPage } from '../../shared/browser/seen-page';

describe('reading the sign-in answer', () => {
  it('takes the token and its lifetime from the fragment when the state matches', () => {
    const grant = readRedirect(
      'https://abc.chromiumapp.org/#access_token=ya29.x&token_type=Bearer&expires_in=3599&scope=email%20openid&state=s1',
      's1',
      1_000,
    );
    expect(grant).toEqual({ token: 'ya29.x', expiresAt: 1_000 + 3_599_000, scopes: ['email', 'openid'] });
  });

  it('refuses an answer to another request, and says when the user cancelled', () => {
    expect(() => readRedirect('https://abc.chromiumapp.org/#access_token=t&state=other', 's1')).toThrow(
      SignInFailed,
    );
    expect(() => readRedirect('https://abc.chromiumapp.org/#error=access_denied&state=s1', 's1')).toThrow(
      'Sign-in was cancelled.',
    );
  });

  it('asks only for drive.file, openid and email, and never shows a page when renewing silently', () => {
    const url = new URL(
      consentUrl({
        clientId: 'c',
        redirectUri: 'https://abc.chromiumapp.org/',
        state: 's',
        interactive: false,
      }),
    );
    expect(url.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/drive.file openid email');
    expect(url.searchParams.get('prompt')).toBe('none');
    expect(url.searchParams.get('response_type')).toBe('token');
  });
});

describe("Gmail's original", () => {
  it('is asked for at the mailbox of the open page, in the sandbox too', () => {
    expect(mailboxBase({ origin: 'https://mail.google.com', pathname: '/mail/u/1/' })).toBe(
      'https://mail.google.com/mail/u/1/',
    );
    expect(mailboxBase({ origin: 'http://127.0.0.1:8787', pathname: '/__fixtures/mail/mail/u/0/' })).toBe(
      'http://127.0.0.1:8787/__fixtures/mail/mail/u/0/',
    );
    expect(originalUrl('https://mail.google.com/mail/u/0/', '18c05a5e07f59c35')).toBe(
      'https://mail.google.com/mail/u/0/?view=att&th=18c05a5e07f59c35&attid=0&disp=comp&safe=1&zw',
    );
  });

  it('is taken only when Gmail answers with a message, not with a page', () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    expect(looksLikeMessage(enc('Message-ID: <a@b>\r\nFrom: a@b\r\n\r\nHello'))).toBe(true);
    expect(looksLikeMessage(enc('<!doctype html><title>Gmail</title>\n\n<p>Sorry</p>'))).toBe(false);
    expect(looksLikeMessage(enc('just some text'))).toBe(false);
    expect(Array.from(ownCopy(enc('abc')))).toEqual([97, 98, 99]);
  });
});

describe("Gmail's list", () => {
  const page = (rows: string) => {
    document.body.innerHTML = `<table><tbody>${rows}</tbody></table>`;
    return document;
  };
  const row = (id: string, ticked: boolean) =>
    `<tr class="zA"><td><div role="checkbox" aria-checked="${ticked}"></div></td><td><span email="a@b.org"></span><span data-legacy-thread-id="${id}">Subject ${id}</span></td></tr>`;

  it('files the ticked conversations, or every one shown, each once', () => {
    const doc = page(row('18c1', true) + row('18c2', false) + row('18c1', true) + row('not-hex', true));
    expect(listConversations(doc, 'selected').map((c) => c.threadId)).toEqual(['18c1']);
    expect(listConversations(doc, 'all').map((c) => c.threadId)).toEqual(['18c1', '18c2']);
  });
});

describe('a very long conversation', () => {
  it('is trimmed to fit session storage, and marked so', () => {
    const message = {
      id: '18c1',
      from: { name: 'A', email: 'a@b.org' },
      to: [],
      date: { text: 'Dec 3' },
      body: 'x'.repeat(50_000),
      attachments: [],
    };
    const record: StoredSeenPage = {
      v: 1,
      tabId: 1,
      seenAt: '2025-12-03T10:00:00.000Z',
      page: {
        kind: 'gmail-thread',
        url: 'https://mail.google.com/mail/u/0/#inbox/x',
        thread: {
          id: '18c1',
          subject: 'S',
          collapsed: 0,
          messages: Array.from({ length: 60 }, () => message),
        },
      },
    };
    const trimmed = trimRecord(record);
    expect(JSON.stringify(trimmed).length).toBeLessThanOrEqual(MAX_RECORD_CHARS);
    expect(trimmed.page.kind === 'gmail-thread' && trimmed.page.thread.trimmed).toBe(true);
  });
});

describe('names that hide their direction', () => {
  it('are flagged and written out in their real order', () => {
    expect(hasBidiControls('report\u202efdp.exe')).toBe(true);
    expect(hasBidiControls('rapport.pdf')).toBe(false);
    expect(revealBidiControls('report\u202efdp.exe')).toBe('report\u27e8U+202E\u27e9fdp.exe');
  });
});

describe('joining by link', () => {
  it('takes the Drive id from a Sheets or Drive folder link, or the id itself', () => {
    expect(driveIdOf('https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMn/edit#gid=0')).toBe(
      '1AbCdEfGhIjKlMn',
    );
    expect(driveIdOf('https://drive.google.com/drive/folders/0BxYz123456789')).toBe('0BxYz123456789');
    expect(driveIdOf(' 1AbCdEfGhIjKlMn ')).toBe('1AbCdEfGhIjKlMn');
  });
});
