import { describe, expect, it } from 'vitest';
import { docNameFromTitle, readDocsAddress } from '../../../shared/browser/docs-ids';
import { roundsSiteOf } from '../../../shared/browser/rounds-sites';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';

describe('Google Docs addresses', () => {
  it('finds the file id of an open Doc, signed in as any account', () => {
    expect(readDocsAddress(`https://docs.google.com/document/d/${ID}/edit#heading=h.1`)).toEqual({
      kind: 'document',
      docId: ID,
    });
    expect(readDocsAddress(`https://docs.google.com/document/u/1/d/${ID}/edit`)).toEqual({
      kind: 'document',
      docId: ID,
    });
    expect(readDocsAddress(`https://docs.google.com/document/d/${ID}`)).toEqual({
      kind: 'document',
      docId: ID,
    });
  });

  it('does not take a published copy for the file', () => {
    expect(
      readDocsAddress('https://docs.google.com/document/d/e/2PACX-1vQabcdefghijklmnopqrstuvwxyz/pub'),
    ).toEqual({
      kind: 'published',
    });
  });

  it('ignores Sheets, the Docs home and addresses that are not addresses', () => {
    expect(readDocsAddress(`https://docs.google.com/spreadsheets/d/${ID}/edit`).kind).toBe('other');
    expect(readDocsAddress('https://docs.google.com/document/u/0/').kind).toBe('other');
    expect(readDocsAddress('not a url').kind).toBe('other');
  });

  it("takes Google's suffix off the tab title", () => {
    expect(docNameFromTitle('Maple Grove visit notes - Google Docs')).toBe('Maple Grove visit notes');
    expect(docNameFromTitle('Plan – draft')).toBe('Plan – draft');
  });
});

describe('pages Rounds works beside', () => {
  it('is Gmail and Docs over https, nothing else', () => {
    expect(roundsSiteOf('https://mail.google.com/mail/u/0/#inbox')).toBe('gmail');
    expect(roundsSiteOf(`https://docs.google.com/document/d/${ID}/edit`)).toBe('docs');
    expect(roundsSiteOf('https://mail.google.com.evil.example/')).toBeNull();
    expect(roundsSiteOf('http://mail.google.com/')).toBeNull();
    expect(roundsSiteOf('https://example.org/')).toBeNull();
    expect(roundsSiteOf(undefined)).toBeNull();
  });
});
