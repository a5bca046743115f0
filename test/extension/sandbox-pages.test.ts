import { describe, expect, it } from 'vitest';
import { asGoogleAddress } from '../../extension/platform/sandbox-pages';

describe("the sandbox's stand-ins for Gmail and Docs", () => {
  const sandbox = 'http://127.0.0.1:8787';

  it('count as Gmail and Docs in a development build', () => {
    expect(asGoogleAddress(`${sandbox}/__fixtures/mail/mail/u/0/#inbox`, sandbox)).toBe(
      'https://mail.google.com/mail/u/0/#inbox',
    );
    expect(asGoogleAddress(`${sandbox}/__fixtures/docs/document/d/abc/edit`, sandbox)).toBe(
      'https://docs.google.com/document/d/abc/edit',
    );
  });

  it('count as nothing special in production, or on another origin', () => {
    expect(asGoogleAddress(`${sandbox}/__fixtures/mail/`, null)).toBe(`${sandbox}/__fixtures/mail/`);
    expect(asGoogleAddress('http://127.0.0.1:9999/__fixtures/mail/', sandbox)).toBe(
      'http://127.0.0.1:9999/__fixtures/mail/',
    );
    // The production build has no sandbox, so the default maps nothing.
    expect(asGoogleAddress(`${sandbox}/__fixtures/mail/`)).toBe(`${sandbox}/__fixtures/mail/`);
  });
});
