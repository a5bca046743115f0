// A Gmail compose link: parameters encoded, and a body too long for a link cut at a line with a note.
import { describe, expect, it } from 'vitest';
import {
  COMPOSE_URL_LIMIT,
  TRUNCATED_NOTE,
  gmailComposeUrl,
} from '../../../../shared/mandates/network/gmail-compose';

const params = (url: string) => new URL(url).searchParams;

describe('the Gmail compose link', () => {
  it('carries to, subject and body, each encoded so & # + and new lines survive', () => {
    const body = 'Line one & two #3 + more\nSecond line: 100% done?';
    const { url, truncated, bodyKept } = gmailComposeUrl({
      to: 'principals@district.example.org',
      subject: 'Week of 30 Nov: 3 must-dos & a <repeat>',
      body,
    });
    expect(url.startsWith('https://mail.google.com/mail/?view=cm&fs=1&to=')).toBe(true);
    const p = params(url);
    expect(p.get('view')).toBe('cm');
    expect(p.get('fs')).toBe('1');
    expect(p.get('to')).toBe('principals@district.example.org');
    expect(p.get('su')).toBe('Week of 30 Nov: 3 must-dos & a <repeat>');
    expect(p.get('body')).toBe(body);
    expect([truncated, bodyKept]).toEqual([false, body.length]);
  });

  it('keeps a hostile subject or recipient inside its own parameter of a Gmail link', () => {
    const { url } = gmailComposeUrl({
      to: 'x@y.example&su=forged',
      subject: 'javascript:alert(1)#&body=forged',
      body: '"onerror=alert(1) <script>',
    });
    expect(url.startsWith('https://mail.google.com/mail/?')).toBe(true);
    const p = params(url);
    expect([...p.keys()]).toEqual(['view', 'fs', 'to', 'su', 'body']);
    expect(p.get('to')).toBe('x@y.example&su=forged');
    expect(p.get('su')).toBe('javascript:alert(1)#&body=forged');
    expect(p.get('body')).toBe('"onerror=alert(1) <script>');
    expect(new URL(url).hash).toBe('');
  });

  it('leaves out an empty recipient and can open a given account', () => {
    const { url } = gmailComposeUrl({ subject: 's', body: 'b', account: 1 });
    expect(url).toBe('https://mail.google.com/mail/u/1/?view=cm&fs=1&su=s&body=b');
    expect(params(url).has('to')).toBe(false);
  });

  it('cuts a body too long for a link at a line break and says so, within the limit', () => {
    const lines = Array.from(
      { length: 400 },
      (_, i) => `${i + 1}. Submit the ‘roster’ — ${'é'.repeat(10)} by Friday`,
    );
    const body = lines.join('\n');
    const link = gmailComposeUrl({ subject: 'Digest', body });
    expect(link.truncated).toBe(true);
    expect(link.url.length).toBeLessThanOrEqual(COMPOSE_URL_LIMIT);
    const got = params(link.url).get('body')!;
    expect(got.endsWith(`\n\n${TRUNCATED_NOTE}`)).toBe(true);
    const kept = got.slice(0, -(TRUNCATED_NOTE.length + 2));
    // Whole lines only, in order, and as many as fit.
    expect(body.startsWith(kept)).toBe(true);
    expect(body[kept.length]).toBe('\n');
    expect(link.bodyKept).toBe(kept.length);
    const oneMore = body.slice(0, body.indexOf('\n', kept.length + 1));
    expect(
      gmailComposeUrl({ subject: 'Digest', body: `${oneMore}\n\n${TRUNCATED_NOTE}` }, Infinity).url.length,
    ).toBeGreaterThan(COMPOSE_URL_LIMIT);
  });

  it('never splits a character pair and never throws on a lone surrogate', () => {
    const body = '😀'.repeat(5000);
    const link = gmailComposeUrl({ subject: 'x\uD800', body }, 2000);
    expect(link.truncated).toBe(true);
    expect(link.url.length).toBeLessThanOrEqual(2000);
    expect(params(link.url).get('body')).toMatch(/^(?:😀)+\n\n\[Shortened/u);
  });
});
