// Adopting a network's existing folders: what Rounds proposes for a messy Drive, and how corrections change it.
import { describe, expect, it } from 'vitest';
import {
  CONFIRM_BELOW,
  proposeAdoption,
  type FolderEntry,
  type NetworkShape,
} from '../../../shared/network/adoption';

const network: NetworkShape = {
  rootFolderId: 'root',
  cycles: [{ id: 'c2', name: '2025-26 Cycle 2' }],
  schools: [
    { id: 'mge', name: 'Maple Grove Elementary' },
    { id: 'rhm', name: 'Riverside Heights Middle School' },
    { id: 'syc', name: 'Sycamore Ridge K-8' },
    { id: 'nb', name: 'North Bend K-8' },
  ],
};

const f = (id: string, name: string, parentId: string | null): FolderEntry => ({ id, name, parentId });

/** A cycle folder with numbered steps, an old year, initials, an abbreviation, strays and subfolders. */
const messy: FolderEntry[] = [
  f('y24', '2024-25 Cycle 2', 'root'),
  f('c2f', '2025-26 CYCLE 2', 'root'),
  f('s1', '1 - Problem of practice', 'c2f'),
  f('s3', '3 - School data', 'c2f'),
  f('s3-raw', 'raw exports', 's3'),
  f('s4', 'Step 4 observations', 'c2f'),
  f('s6', 'Visits', 'c2f'),
  f('misc', 'Misc', 'c2f'),
  f('sch', 'Schools', 'root'),
  f('mge', 'MGE', 'sch'),
  f('rh', 'riverside heights', 'sch'),
  f('syc', 'Sycamore Rdg', 'sch'),
  f('budget', 'Budget', 'root'),
];

/** Step folders named with their cycle, at the top, beside no cycle folder (as many networks keep them). */
const flat: FolderEntry[] = [
  f('f1', '2025-26 Cycle 2/1 - IPOP drafts', 'root'),
  f('f2', 'cycle 2 - step 2 research', 'root'),
  f('f3', '2025-26 Cycle 2/3 - School data', 'root'),
  f('f4', 'Cycle 2 Step 4 - Observations', 'root'),
  f('old', '2024-25 Cycle 3 - Celebration', 'root'),
  f('kids', 'Our schools', 'root'),
  f('k1', 'Maple Grove', 'kids'),
];

const at = (proposal: ReturnType<typeof proposeAdoption>, key: string) =>
  proposal.proposals.find((p) => p.key === key)!;

describe('proposing a mapping for existing folders', () => {
  it('maps the cycle, its steps and the school folders by name, each with a reason', () => {
    const proposal = proposeAdoption(network, messy);
    expect(at(proposal, 'cycle:c2')).toMatchObject({
      action: 'adopt',
      folderId: 'c2f',
      name: '2025-26 CYCLE 2',
    });
    expect(at(proposal, 'cycle:c2/step:3')).toMatchObject({ action: 'adopt', folderId: 's3' });
    expect(at(proposal, 'cycle:c2/step:3').reason).toContain('numbered 3');
    expect(at(proposal, 'cycle:c2/step:4')).toMatchObject({ action: 'adopt', folderId: 's4' });
    expect(at(proposal, 'cycle:c2/step:6')).toMatchObject({ action: 'adopt', folderId: 's6' });
    expect(at(proposal, 'schools')).toMatchObject({ action: 'adopt', folderId: 'sch' });
    const mge = at(proposal, 'school:mge');
    expect(mge).toMatchObject({ action: 'adopt', folderId: 'mge', name: 'MGE' });
    expect(mge.reason).toContain('initials');
    expect(at(proposal, 'school:rhm')).toMatchObject({ action: 'adopt', folderId: 'rh' });
    expect(at(proposal, 'school:syc')).toMatchObject({ action: 'adopt', folderId: 'syc' });
    expect(at(proposal, 'school:syc').reason).toContain('reads as Sycamore Ridge K-8');
  });

  it('proposes to create only what is missing, with the name it will have and where', () => {
    const proposal = proposeAdoption(network, messy);
    const step2 = at(proposal, 'cycle:c2/step:2');
    expect(step2).toMatchObject({ action: 'create', folderId: null, name: '2 - Initial study of research' });
    expect(step2.reason).toContain('in 2025-26 Cycle 2');
    expect(at(proposal, 'school:nb')).toMatchObject({
      action: 'create',
      name: 'North Bend K-8',
      parentKey: 'schools',
    });
    expect(proposal.proposals.filter((p) => p.action === 'create').map((p) => p.key)).toEqual([
      'cycle:c2/step:2',
      'cycle:c2/step:5',
      'cycle:c2/step:7',
      'cycle:c2/step:8',
      'school:nb',
    ]);
  });

  it('leaves every other folder alone and says why, offering cycle-looking ones as cycles to add', () => {
    const proposal = proposeAdoption(network, messy);
    const alone = new Map(proposal.leftAlone.map((l) => [l.folderId, l]));
    expect(alone.get('budget')?.reason).toMatch(/Not recognised/);
    expect(alone.get('misc')?.path).toBe('2025-26 CYCLE 2 / Misc');
    expect(alone.get('s3-raw')?.reason).toBe('Kept as it is inside 2025-26 Cycle 2 · Step 3.');
    expect(proposal.newCycles.map((c) => [c.folderId, c.number, c.year])).toEqual([['y24', 2, 2024]]);
    const used = new Set(proposal.proposals.flatMap((p) => (p.folderId ? [p.folderId] : [])));
    for (const folder of messy) expect(used.has(folder.id) !== alone.has(folder.id)).toBe(true);
  });

  it('adopts step folders named with their cycle wherever they sit, and creates the cycle folder for the rest', () => {
    const proposal = proposeAdoption(network, flat);
    expect(at(proposal, 'cycle:c2')).toMatchObject({
      action: 'create',
      name: '2025-26 Cycle 2',
      parentKey: null,
    });
    expect([1, 2, 3, 4].map((n) => at(proposal, `cycle:c2/step:${n}`).folderId)).toEqual([
      'f1',
      'f2',
      'f3',
      'f4',
    ]);
    expect(at(proposal, 'cycle:c2/step:1').reason).toContain('“ipop”');
    expect(at(proposal, 'cycle:c2/step:2').confidence).toBeLessThan(
      at(proposal, 'cycle:c2/step:3').confidence,
    );
    expect(at(proposal, 'cycle:c2/step:5')).toMatchObject({ action: 'create', parentKey: 'cycle:c2' });
    expect(at(proposal, 'schools')).toMatchObject({ folderId: 'kids' });
    expect(proposal.leftAlone.find((l) => l.folderId === 'old')?.reason).toBe(
      'Belongs to Cycle 3 of 2024-25, which is not in the Cycles tab.',
    );
  });

  it('asks the user to look when two folders fit equally well', () => {
    const twins = [...messy, f('s3b', '3 - School data', 'c2f')];
    const step3 = at(proposeAdoption(network, twins), 'cycle:c2/step:3');
    expect(step3.confidence).toBeLessThan(CONFIRM_BELOW);
    expect(step3.reason).toContain('fits as well');
    expect(step3.alternatives.map((a) => a.folderId)).toEqual([step3.folderId === 's3' ? 's3b' : 's3']);
  });

  it('recognises folders Rounds made itself by their tag, whatever they are called now', () => {
    const tagged = [...messy, { ...f('renamed', 'Stuff', 'c2f'), roundsKey: 'cycle:c2/step:2' }];
    expect(at(proposeAdoption(network, tagged), 'cycle:c2/step:2')).toMatchObject({
      action: 'adopt',
      folderId: 'renamed',
      confidence: 1,
    });
  });
});

describe('the user corrects the proposal', () => {
  it('a chosen folder is used, and the places below it are proposed inside it', () => {
    const proposal = proposeAdoption(network, messy, [{ key: 'cycle:c2', folderId: 'y24' }]);
    expect(at(proposal, 'cycle:c2')).toMatchObject({ folderId: 'y24', corrected: true, confidence: 1 });
    expect(at(proposal, 'cycle:c2/step:3')).toMatchObject({ action: 'create', parentKey: 'cycle:c2' });
    expect(proposal.leftAlone.map((l) => l.folderId)).toContain('c2f');
  });

  it('"make a new one" replaces a proposed folder, which is then left alone', () => {
    const proposal = proposeAdoption(network, messy, [{ key: 'cycle:c2/step:6', create: true }]);
    expect(at(proposal, 'cycle:c2/step:6')).toMatchObject({ action: 'create', corrected: true });
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

describe('a member who cannot see the folders yet', () => {
  it('is told to pick them instead of being offered a second set of folders', () => {
    const proposal = proposeAdoption({ ...network, filedBefore: true }, []);
    expect(proposal.problems).toEqual([
      expect.stringMatching(/^Rounds can't see any folder inside the network's folder/),
    ]);
    expect(proposeAdoption({ ...network, filedBefore: false }, []).problems).toEqual([]);
    expect(proposeAdoption({ ...network, filedBefore: true }, messy).problems).toEqual([]);
  });
});

describe("the Cycles tab's Folder ID", () => {
  it('is the cycle folder for every member, and one Rounds cannot see is named', () => {
    const named = { ...network, cycles: [{ id: 'c2', name: '2025-26 Cycle 2', folderId: 'y24' }] };
    const proposal = proposeAdoption(named, messy);
    expect(at(proposal, 'cycle:c2')).toMatchObject({
      folderId: 'y24',
      reason: 'The Cycles tab names this folder.',
    });
    const missing = { ...network, cycles: [{ id: 'c2', name: '2025-26 Cycle 2', folderId: 'gone' }] };
    expect(proposeAdoption(missing, messy).problems).toEqual([
      expect.stringContaining("names a folder for 2025-26 Cycle 2 that Rounds can't see"),
    ]);
  });
});
