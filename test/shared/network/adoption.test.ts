// Adopting a network's existing folders: what Rounds proposes for a messy Drive, and how corrections change it.
import { describe, expect, it } from 'vitest';
import {
  CONFIRM_BELOW,
  proposeAdoption,
  type FolderEntry,
  type NetworkShape,
} from '../../../shared/network/adoption';
import { folderKey } from '../../../shared/network/folder-layout';

const network: NetworkShape = {
  rootFolderId: 'root',
  cycles: [
    { id: 'c2', name: '2025-26 Cycle 2' },
    { id: 'c3', name: 'Cycle 3 - Dana (individual)', schoolId: 'mge' },
  ],
  schools: [
    { id: 'mge', name: 'Maple Grove Elementary' },
    { id: 'rhm', name: 'Riverside Heights Middle School' },
  ],
};

const f = (id: string, name: string, parentId: string | null): FolderEntry => ({ id, name, parentId });

/** A tree as networks keep them: an old year, a typo'd step, initials, a stray folder and a photo folder. */
const messy: FolderEntry[] = [
  f('y24', '2024-25 Cycle 2', 'root'),
  f('c2f', '2025-26 CYCLE 2', 'root'),
  f('s1', '1 - Problem of practice', 'c2f'),
  f('s3', '3 - School data', 'c2f'),
  f('s3-mge', 'MGE', 's3'),
  f('s3-mge-photos', 'photos', 's3-mge'),
  f('s4', 'Step 4 observations', 'c2f'),
  f('s4-rh', 'riverside heights', 's4'),
  f('s6', 'Visits', 'c2f'),
  f('misc', 'Misc', 'c2f'),
  f('budget', 'Budget', 'root'),
];

const byKey = (proposal: ReturnType<typeof proposeAdoption>, key: string) =>
  proposal.proposals.find((p) => p.key === key)!;

describe('proposing a mapping for existing folders', () => {
  it('maps the cycle, its steps and the school folders by name, each with a reason', () => {
    const proposal = proposeAdoption(network, messy);
    const cycle = byKey(proposal, folderKey({ kind: 'cycle', cycleId: 'c2' }));
    expect(cycle).toMatchObject({ action: 'adopt', folderId: 'c2f', name: '2025-26 CYCLE 2' });
    expect(cycle.reason).toMatch(/Cycle 2 of 2025-26|Named/);
    expect(byKey(proposal, 'cycle:c2/step:3')).toMatchObject({ action: 'adopt', folderId: 's3' });
    expect(byKey(proposal, 'cycle:c2/step:4')).toMatchObject({ action: 'adopt', folderId: 's4' });
    expect(byKey(proposal, 'cycle:c2/step:6')).toMatchObject({ action: 'adopt', folderId: 's6' });
    const mge = byKey(proposal, 'cycle:c2/step:3/school:mge');
    expect(mge).toMatchObject({ action: 'adopt', folderId: 's3-mge', name: 'MGE' });
    expect(mge.reason).toContain('initials');
    expect(byKey(proposal, 'cycle:c2/step:4/school:rhm')).toMatchObject({
      action: 'adopt',
      folderId: 's4-rh',
    });
  });

  it('proposes to create only what is missing, with the name it will have and where', () => {
    const proposal = proposeAdoption(network, messy);
    const step2 = byKey(proposal, 'cycle:c2/step:2');
    expect(step2).toMatchObject({ action: 'create', folderId: null, name: '2 - Initial study of research' });
    expect(step2.reason).toContain('2025-26 Cycle 2');
    expect(byKey(proposal, 'cycle:c2/step:3/school:rhm')).toMatchObject({
      action: 'create',
      name: 'Riverside Heights Middle School',
    });
    // The individual cycle has no folder yet and no school level: its files go in its step folders.
    expect(byKey(proposal, 'cycle:c3')).toMatchObject({
      action: 'create',
      name: 'Cycle 3 - Dana (individual)',
    });
    expect(proposal.proposals.some((p) => p.key.startsWith('cycle:c3/step:1/school:'))).toBe(false);
    expect(proposal.proposals.filter((p) => p.key.startsWith('cycle:c3'))).toHaveLength(9);
  });

  it('leaves every other folder alone and says why, offering cycle-looking ones as cycles to add', () => {
    const proposal = proposeAdoption(network, messy);
    const alone = new Map(proposal.leftAlone.map((l) => [l.folderId, l]));
    expect(alone.get('budget')?.reason).toMatch(/Not recognised/);
    expect(alone.get('misc')?.path).toBe('2025-26 CYCLE 2 / Misc');
    expect(alone.get('s3-mge-photos')?.reason).toContain('Maple Grove');
    expect(proposal.newCycles.map((c) => [c.folderId, c.number, c.year])).toEqual([['y24', 2, 2024]]);
    const used = new Set(proposal.proposals.flatMap((p) => (p.folderId ? [p.folderId] : [])));
    for (const folder of messy) expect(used.has(folder.id) !== alone.has(folder.id)).toBe(true);
  });

  it('asks the user to look when two folders fit equally well', () => {
    const twins = [...messy, f('s3b', '3 - School data (copy)', 'c2f')].map((x) =>
      x.id === 's3b' ? { ...x, name: '3 - School data' } : x,
    );
    const step3 = byKey(proposeAdoption(network, twins), 'cycle:c2/step:3');
    expect(step3.confidence).toBeLessThan(CONFIRM_BELOW);
    expect(step3.reason).toContain('fits as well');
    expect(step3.alternatives.map((a) => a.folderId)).toContain(step3.folderId === 's3' ? 's3b' : 's3');
  });

  it('takes the school folder inside a school-first tree (cycle / school / step)', () => {
    const schoolFirst = [
      f('c2f', '2025-26 Cycle 2', 'root'),
      f('mg', 'Maple Grove', 'c2f'),
      f('mg-3', '3. Data', 'mg'),
    ];
    const proposal = proposeAdoption(network, schoolFirst);
    const mge3 = byKey(proposal, 'cycle:c2/step:3/school:mge');
    expect(mge3).toMatchObject({ action: 'adopt', folderId: 'mg-3' });
    expect(mge3.reason).toContain("Maple Grove Elementary's folder");
    // The school's folder itself is not mistaken for a step.
    expect(proposal.proposals.some((p) => p.folderId === 'mg')).toBe(false);
  });

  it('recognises folders Rounds made itself by their tag, whatever they are called now', () => {
    const tagged = [...messy, { ...f('renamed', 'Stuff', 'c2f'), roundsKey: 'cycle:c2/step:2' }];
    expect(byKey(proposeAdoption(network, tagged), 'cycle:c2/step:2')).toMatchObject({
      action: 'adopt',
      folderId: 'renamed',
      confidence: 1,
    });
  });
});

describe('the user corrects the proposal', () => {
  it('a chosen folder is used, and the places below it are proposed inside it', () => {
    const proposal = proposeAdoption(network, messy, [{ key: 'cycle:c2', folderId: 'y24' }]);
    expect(byKey(proposal, 'cycle:c2')).toMatchObject({ folderId: 'y24', corrected: true, confidence: 1 });
    expect(byKey(proposal, 'cycle:c2/step:3')).toMatchObject({ action: 'create' });
    expect(proposal.leftAlone.map((l) => l.folderId)).toContain('c2f');
  });

  it('"make a new one" replaces a proposed folder', () => {
    const proposal = proposeAdoption(network, messy, [{ key: 'cycle:c2/step:6', create: true }]);
    expect(byKey(proposal, 'cycle:c2/step:6')).toMatchObject({ action: 'create', corrected: true });
    expect(proposal.leftAlone.map((l) => l.folderId)).toContain('s6');
  });

  it('a correction that cannot be used is named, and nothing is guessed in its place', () => {
    const proposal = proposeAdoption(network, messy, [
      { key: 'cycle:c2/step:3', folderId: 'not-in-tree' },
      { key: 'cycle:c9', folderId: 's3' },
      { key: 'cycle:c2/step:1', folderId: 's6' },
      { key: 'cycle:c2/step:2', folderId: 's6' },
    ]);
    expect(proposal.problems).toHaveLength(3);
    expect(proposal.problems.join(' ')).toMatch(/not inside the network's folder/);
    expect(proposal.problems.join(' ')).toMatch(/already chosen/);
  });
});
