// What the sidebar tells a principal about the tracker in the open spreadsheet.
import { describe, expect, it } from 'vitest';
import { SHEET_SCHEMA_VERSION, TABS, tabByKey } from '../../../shared/schema/sheet';
import { trackerStatus } from '../../../shared/tracker/tracker-status';

const fullTracker = TABS.map((t) => ({ name: t.name, headerRow: t.columns.map((c) => c.header) }));

describe('the tracker status in the sidebar', () => {
  it('an empty spreadsheet offers to set the tracker up', () => {
    const status = trackerStatus('Budget 2025', { version: null, tabs: [{ name: 'Sheet1', headerRow: [] }] });
    expect(status).toMatchObject({
      spreadsheetName: 'Budget 2025',
      foundVersion: null,
      currentVersion: SHEET_SCHEMA_VERSION,
      tabsPresent: [],
      tabsMissing: TABS.map((t) => t.name),
      action: 'set-up',
    });
  });

  it('a tracker missing a tab and a column offers an upgrade and says what is missing', () => {
    const tabs = fullTracker
      .filter((t) => t.name !== 'Contacts')
      .map((t) =>
        t.name === 'Visits' ? { ...t, headerRow: t.headerRow.filter((h) => h !== 'Protocol') } : t,
      );
    const status = trackerStatus('Network', { version: SHEET_SCHEMA_VERSION, tabs });
    expect(status.action).toBe('upgrade');
    expect(status.tabsMissing).toEqual(['Contacts']);
    expect(status.columnsMissing).toEqual([{ tab: 'Visits', headers: ['Protocol'] }]);
    expect(status.message).toContain('Nothing is removed or moved');
  });

  it('a complete tracker at this version is up to date', () => {
    const status = trackerStatus('Network', { version: SHEET_SCHEMA_VERSION, tabs: fullTracker });
    expect(status.action).toBe('up-to-date');
    expect(status.tabsMissing).toEqual([]);
  });

  it('a tracker from a newer Rounds says to update Rounds, and offers no button', () => {
    const status = trackerStatus('Network', { version: SHEET_SCHEMA_VERSION + 1, tabs: fullTracker });
    expect(status.action).toBe('newer');
    expect(status.message).toMatch(/newer version of Rounds/);
  });

  it('tabs the network made by hand count as present even before the version is recorded', () => {
    const schools = tabByKey('schools');
    const status = trackerStatus('Network', {
      version: null,
      tabs: [{ name: schools.name, headerRow: schools.columns.map((c) => c.header) }],
    });
    expect(status.tabsPresent).toEqual(['Schools']);
    expect(status.action).toBe('upgrade');
  });
});
