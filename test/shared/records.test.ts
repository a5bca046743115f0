import { describe, expect, it } from 'vitest';
import { readRecord, storeRecord } from '../../shared/schema/records';
import { DEFAULT_STEP_LABELS, stepLabel } from '../../shared/domain';

const filing = {
  id: 'email:18c2f0a1b2c3d4e5',
  kind: 'email' as const,
  cycleId: 'cycle-1',
  step: 3 as const,
  title: 'Spring data request',
  sourceId: '18c2f0a1b2c3d4e5',
  filedAt: '2026-11-20T15:04:05Z',
};

describe('stored records', () => {
  it('round-trip a filing through storage with its kind and version', () => {
    const stored = storeRecord('filing', filing);
    expect(stored).toMatchObject({ kind: 'filing', v: 1 });
    expect(readRecord('filing', JSON.parse(JSON.stringify(stored)))).toEqual({ ok: true, record: filing });
  });

  it('refuse to save a malformed record, saying what is wrong', () => {
    expect(() => storeRecord('filing', { ...filing, step: 9 as never })).toThrow(
      /Not saving this filing: step/,
    );
  });

  it('explain a damaged, foreign or newer record instead of throwing', () => {
    expect(readRecord('filing', null)).toEqual({ ok: false, problem: 'a stored filing should be an object' });
    expect(readRecord('filing', { kind: 'visit', v: 1, data: {} })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/expected a stored filing/),
    });
    expect(readRecord('filing', { kind: 'filing', v: 7, data: filing })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/newer Rounds/),
    });
    const damaged = readRecord('filing', { kind: 'filing', v: 1, data: { ...filing, filedAt: 'yesterday' } });
    expect(damaged).toMatchObject({ ok: false, problem: expect.stringMatching(/damaged: filedAt/) });
  });

  it('keeps a protocol to a few look-fors', () => {
    const lookFors = Array.from({ length: 7 }, (_, i) => ({ id: `l${i}`, text: `look-for ${i}` }));
    expect(() => storeRecord('protocol', { id: 'p', lookFors })).toThrow(/six look-fors or fewer/);
  });

  it('needs a rule to match something', () => {
    expect(() => storeRecord('rule', { id: 'r', match: {}, tier: 'fyi' })).toThrow(
      /sender, department or phrase/,
    );
  });
});

describe('steps', () => {
  it('use the network’s renamed label and fall back to the default', () => {
    expect(stepLabel({ stepLabels: { '6': 'Learning walk' } }, 6)).toBe('Learning walk');
    expect(stepLabel({}, 1)).toBe(DEFAULT_STEP_LABELS[1]);
  });
});
