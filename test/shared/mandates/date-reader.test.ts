// chrono reads the written-out dates with only the parsers Rounds needs, chosen by what they read (so a
// minified build keeps the fast set), and only around the words that look like dates.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { chronoHitsIn, dateReaders } from '../../../shared/mandates/dates/date-reader';
import type * as DateReader from '../../../shared/mandates/dates/date-reader';
import { triage } from '../../../shared/mandates/triage';

const sent = { y: 2025, m: 3, d: 3 };
const texts = (hits: { text: string }[][]) => hits.map((h) => h.map((x) => x.text));

describe('reading dates', () => {
  it('reads written dates, weekdays and "tomorrow", but not times, "3 days ago" or "now"', () => {
    const hits = chronoHitsIn(
      [
        'Submit the plan by Friday, March 14, 2025 at 9:30 a.m.',
        'The form opened 3 days ago and is open now; the review is on 11th of April.',
        'Return it tomorrow.',
      ],
      sent,
    );
    expect(texts(hits)).toEqual([['Friday, March 14, 2025'], ['on 11th of April'], ['tomorrow']]);
    expect(hits[0]?.[0]?.md).toEqual({ m: 3, d: 14 });
  });

  it('keeps a date that ends its line, and one after a line ending in an ordinal word', () => {
    const hits = chronoHitsIn(
      ['Leased space report, due Sept. 30', 'Review of the first', 'March 31 · Awards evening'],
      sent,
    );
    expect(texts(hits)).toEqual([['Sept. 30'], [], ['March 31']]);
  });

  it('reads "end of March" but not a month alone', () => {
    const hits = chronoHitsIn(
      ['Send returns by the end of March 2025.', 'In June 2025 we move offices.'],
      sent,
    );
    expect(hits[0]?.map((h) => h.md)).toEqual([{ m: 3, d: 31 }]);
    expect(hits[1]).toEqual([]);
  });

  it('finds "end of March" as a due date in a message', () => {
    const t = triage({
      id: 'e',
      date: '2025-03-03',
      text: 'Please send the audit by the end of March 2025.',
    });
    expect(t.deadlines).toContainEqual(expect.objectContaining({ monthDay: '03-31', kind: 'due' }));
  });

  it('chooses the same small parser set when the class names are minified', async () => {
    const plain = dateReaders();
    expect(plain.days.parsers.length).toBeLessThan(8);
    expect(plain.monthEnds?.parsers.length).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'rounds-minified-'));
    try {
      const out = await build({
        entryPoints: [join(__dirname, '../../../shared/mandates/dates/date-reader.ts')],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'neutral',
        mainFields: ['module', 'main'],
        write: false,
      });
      expect(out.outputFiles[0]?.text).not.toMatch(/MonthNameLittleEndianParser/);
      const file = join(dir, 'date-reader.mjs');
      writeFileSync(file, out.outputFiles[0]?.text ?? '');
      const minified = (await import(pathToFileURL(file).href)) as typeof DateReader;
      const readers = minified.dateReaders();
      expect(readers.days.parsers.length).toBe(plain.days.parsers.length);
      expect(readers.monthEnds?.parsers.length).toBe(1);
      expect(texts(minified.chronoHitsIn(['by March 14 at 9:30 am'], sent))).toEqual([['March 14']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
