import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '../../../shared/google/bytes';

describe('UTF-8 without TextEncoder', () => {
  const samples = [
    'plain ascii',
    'Réunion à l’école — ✓',
    '日本語のメール',
    'emoji 👩🏽‍🏫 and 𝄞',
    '',
    '\u0000\u007f\u0080\u07ff\u0800\uffff',
  ];

  it('encodes exactly as Node does', () => {
    for (const text of samples)
      expect(Buffer.from(utf8Encode(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('decodes exactly as Node does, including malformed bytes as U+FFFD', () => {
    for (const text of samples) expect(utf8Decode(Buffer.from(text, 'utf8'))).toBe(text);
    const broken = Uint8Array.from([0x61, 0xc3, 0x28, 0xe2, 0x82, 0x62, 0xff, 0xf0, 0x9f, 0x98, 0x80]);
    expect(utf8Decode(broken)).toBe(new TextDecoder().decode(broken));
  });

  it('handles a message larger than one argument list', () => {
    const big = 'ä'.repeat(200_000);
    expect(utf8Decode(utf8Encode(big))).toBe(big);
  });
});
