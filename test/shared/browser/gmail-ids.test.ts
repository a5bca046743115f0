import { describe, expect, it } from 'vitest';
import {
  gmailMessageId,
  gmailThreadId,
  hexIdFromToken,
  isGmailApiId,
} from '../../../shared/browser/gmail-ids';

describe('Gmail ids', () => {
  it('turns the decimal id on the page into the hex id the Gmail API uses', () => {
    expect(hexIdFromToken('#msg-f:1783524812345678901')).toBe('18c05a5e07f59c35');
    expect(hexIdFromToken('thread-f:1783524999912345678')).toBe('18c05a89b3cdd04e');
  });

  it('treats a just-sent message (#msg-a:r-…) as having no id yet', () => {
    expect(hexIdFromToken('#msg-a:r-4417329052216640122')).toBeNull();
    expect(gmailMessageId({ messageId: '#msg-a:r-4417329052216640122' })).toBeNull();
  });

  it('rejects tokens that are not Gmail numbers', () => {
    expect(hexIdFromToken('#msg-f:')).toBeNull();
    expect(hexIdFromToken('#msg-f:12ab')).toBeNull();
    expect(hexIdFromToken('#msg-f:0')).toBeNull();
    // 2^64 does not fit Gmail's 64-bit ids.
    expect(hexIdFromToken('#msg-f:18446744073709551616')).toBeNull();
    expect(hexIdFromToken('FMfcgzQbfxyz')).toBeNull();
  });

  it('prefers the legacy hex attribute and falls back to the decimal one', () => {
    expect(gmailMessageId({ legacyMessageId: '18C05A5E07F59C35', messageId: '#msg-f:1' })).toBe(
      '18c05a5e07f59c35',
    );
    expect(gmailMessageId({ legacyMessageId: 'not-hex', messageId: '#msg-f:1783524812345678901' })).toBe(
      '18c05a5e07f59c35',
    );
    expect(gmailThreadId({ threadPermId: 'thread-f:1783524812345678901' })).toBe('18c05a5e07f59c35');
    expect(gmailThreadId({ legacyThreadId: null, threadPermId: 'thread-a:r-1' })).toBeNull();
  });

  it('knows what a Gmail API id looks like', () => {
    expect(isGmailApiId('18c05a5e07f59c35')).toBe(true);
    expect(isGmailApiId('18c05a5e07f59c35a')).toBe(false);
    expect(isGmailApiId('FMfcgz')).toBe(false);
  });
});
