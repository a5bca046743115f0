// Build / refresh tracker bench (`npm run bench:tracker`): the add-on's refresh against the counting Apps
// Script fakes for an invented network of 30, 300 and 1,800 schools. Prints the Spreadsheet calls per tab
// for a first build and for a refresh of a built tracker, then vitest's timings of each. It lives beside the
// fakes because nothing outside test/ may import them (eslint: "Nothing ships code from test/").
import { bench, describe } from 'vitest';
import { networkSpreadsheet, refresh } from './tracker-network';

const SIZES = [30, 300, 1800];

function callsPerTab(size: number, built: boolean): { total: number; tabs: Map<string, number> } {
  const spreadsheet = networkSpreadsheet(size);
  if (built) {
    refresh(spreadsheet);
    spreadsheet.log.clear();
  }
  refresh(spreadsheet);
  const tabs = new Map<string, number>();
  for (const c of spreadsheet.log.calls)
    if (c.kind !== 'lock') tabs.set(c.target, (tabs.get(c.target) ?? 0) + 1);
  return { total: [...tabs.values()].reduce((a, b) => a + b, 0), tabs };
}

const lines = [
  '',
  'Spreadsheet calls (counted on test/apps-script/fakes; getRange only names a range and is not counted)',
];
for (const size of SIZES)
  for (const built of [false, true]) {
    const { total, tabs } = callsPerTab(size, built);
    const perTab = [...tabs].map(([tab, n]) => `${tab} ${n}`).join(', ');
    lines.push(
      `${String(size).padStart(5)} schools, ${built ? 'refresh' : 'build  '}: ${total} calls — ${perTab}`,
    );
  }
console.log(lines.join('\n'));

for (const size of SIZES)
  describe(`${size} schools`, () => {
    const built = networkSpreadsheet(size);
    refresh(built);
    bench('build (set-up + first refresh)', () => void refresh(networkSpreadsheet(size)), {
      iterations: 3,
      warmupIterations: 1,
    });
    bench('refresh a built tracker', () => void refresh(built), { iterations: 3, warmupIterations: 1 });
  });
