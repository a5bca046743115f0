// The resource binder: principals ask for what they need in the sidebar (it lands in the Resources tab as
// "asked", due by the next meeting), the ILD brokers it in the tab, and each principal sees their own
// requests' status. The principal picks their school (Rounds asks for no email scope).
import { recordToRow, tabByKey } from '../../shared/schema/sheet';
import { readTable, sameName, text } from '../../shared/tracker/table';
import { readMeetings } from '../../shared/year-tabs/meetings';
import { readResources, type ResourceRequest } from '../../shared/year-tabs/resources';
import { missingTab, type YearDeps } from './year-deps';

export interface ResourceLook {
  schools: string[];
  requests: ResourceRequest[];
  nextMeeting: string | null;
  problems: string[];
}

const READ = ['schools', 'resources', 'meetings'] as const;

export function lookAtResources(deps: Pick<YearDeps, 'sheets' | 'today'>): ResourceLook {
  const snapshots = deps.sheets.read(READ);
  const schools = readTable(tabByKey('schools'), snapshots)
    .rows.map((r) => text(r.get('name')))
    .filter(Boolean);
  const resources = readResources(snapshots);
  const meetings = readMeetings(snapshots);
  return {
    schools,
    requests: resources.requests,
    nextMeeting: nextMeetingAfter(meetings.meetings, deps.today),
    problems: [...resources.problems],
  };
}

export function nextMeetingAfter(meetings: readonly { date: string | null }[], today: string): string | null {
  const dates = meetings.flatMap((m) => (m.date && m.date > today ? [m.date] : [])).sort();
  return dates[0] ?? null;
}

export function askForResource(deps: YearDeps, school: string, request: string, forWhom: string): string {
  return deps.lock.run(() => {
    const snapshots = deps.sheets.read(READ);
    const resources = readResources(snapshots);
    if (!resources.sheetName) throw missingTab('resources');
    const mine = readTable(tabByKey('schools'), snapshots).rows.find((r) => sameName(r.get('name'), school));
    if (!school.trim() || !mine)
      throw new Error(
        `“${school}” is not on the Schools tab, so Rounds does not know whose request this is. Nothing was written; choose your school from the list.`,
      );
    if (!request.trim()) throw new Error('Say what you need first; nothing was written.');
    const due = nextMeetingAfter(readMeetings(snapshots).meetings, deps.today);
    const row = recordToRow(tabByKey('resources'), resources.table.headerRow, {
      id: deps.newId(),
      request: request.trim(),
      forWhom: forWhom.trim(),
      school: text(mine.get('name')),
      askedOn: deps.today,
      status: 'asked',
      due: due ?? '',
    });
    deps.sheets.append(resources.sheetName, [row]);
    return `Your request is on the ${resources.sheetName} tab (${deps.today})${due ? `, due by the next meeting on ${due}` : ''}; your ILD brokers it there.`;
  });
}
