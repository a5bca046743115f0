// Writes a built digest out for people: plain text for a terminal or a plain email, and an HTML fragment
// with inline styles only (mail clients drop <style> blocks and classes) in which every value is escaped,
// so a subject such as "<script>" arrives as words and never as markup.
import type { Digest, DigestDate, DigestEntry, DigestFlag } from './digest';
import type { Contact, DeadlineKind, Tier } from '../types';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Fri 4 Dec", with the year when asked for (`true`) or when the day is not in the given year (the
 * digest's own): a date from another year never passes for this year's.
 */
export function formatDay(day: string, withYear: boolean | string = false): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const showYear = withYear === true || (typeof withYear === 'string' && day.slice(0, 4) !== withYear);
  return `${weekday} ${d} ${MONTHS[m - 1]}${showYear ? ` ${y}` : ''}`;
}

/** The message a flagged entry carries in the panel and the digest. */
export const CHECK_LABEL = 'Check this one — may be required';

const formatDayIn = (day: string, year: string) => formatDay(day, year || false);

const KIND_LABEL: Record<DeadlineKind, string> = {
  due: 'Due',
  window_end: 'Closes',
  window_start: 'Opens',
  event: 'Event',
  recurring: 'Recurring',
};

const TIER_LABEL: Record<Tier, string> = {
  must_do: 'Must do',
  action: 'Action',
  fyi: 'FYI',
  not_for_principals: 'Not for principals',
};

function dateLine(d: DigestDate, year: string): string {
  const assumed = d.yearAssumed ? ' (year assumed)' : '';
  return `${KIND_LABEL[d.kind]} ${formatDay(d.date, year)}${assumed}: “${d.text}”`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A flag in words; days outside `year` (the digest's) show their year. */
export function flagText(flag: DigestFlag, year = ''): string {
  const formatDay = (day: string) => formatDayIn(day, year);
  switch (flag.kind) {
    case 'check':
      return flag.reason ? `${CHECK_LABEL}: ${flag.reason}` : CHECK_LABEL;
    case 'short_notice': {
      const gap =
        flag.days === 0
          ? 'sent the day it is due'
          : flag.days === 1
            ? 'sent the day before'
            : flag.schoolDays !== undefined
              ? `${plural(flag.schoolDays, 'school day')} to act`
              : `${flag.days} days to act`;
      return `Short notice: sent ${formatDay(flag.sent)}, due ${formatDay(flag.due)} (${gap})`;
    }
    case 'repeat_of':
      return `Repeat of an earlier ask: “${flag.earlier.title}”${flag.earlier.sent ? ` (sent ${formatDay(flag.earlier.sent)})` : ''}`;
    case 'asked_again':
      return `Asked again later: ${flag.later
        .map((a) => `“${a.title}”${a.sent ? ` (sent ${formatDay(a.sent)})` : ''}`)
        .join(', ')}; check it for a changed date`;
  }
}

function contactText(contacts: Contact[]): string {
  return contacts
    .slice(0, 3)
    .map((c) => c.value)
    .join(', ');
}

/** The call to action: what to do, and where, or what the date is when nothing is asked. */
function callToAction(entry: DigestEntry): string {
  const actions = entry.actions
    .slice(0, 3)
    .map((a) => (a.length > 160 ? `${a.slice(0, 159)}…` : a))
    .join('; ');
  // A system the actions already name ("submit … in SafeSchools") is not repeated after them.
  const systems = entry.systems.filter((s) => !actions.toLowerCase().includes(s.toLowerCase())).slice(0, 3);
  const where = systems.length ? ` (in ${systems.join(', ')})` : '';
  return actions ? `To do: ${actions}${where}` : where ? `See${where}` : '';
}

function summary(digest: Digest): string {
  const { counts } = digest;
  const shown = digest.entries.length;
  const parts = [
    `${plural(shown, 'item')}: ${counts.must_do} must do, ${counts.action} action, ${counts.fyi} FYI.`,
  ];
  if (digest.repeats)
    parts.push(`${plural(digest.repeats, 'is a repeat', 'are repeats')} of an earlier ask.`);
  if (digest.forOthers) {
    parts.push(`${plural(digest.forOthers, 'item')} addressed to others (not principals) left out.`);
  }
  return parts.join(' ');
}

function heading(digest: Digest): string {
  const { from, to, days } = digest.window;
  return `Mandate dates ${formatDay(from, true)} – ${formatDay(to, true)} (${plural(days, 'day')})`;
}

/** The lines that describe one entry, shared by the text and HTML renderings. */
function entryLines(
  entry: DigestEntry,
  year: string,
): { title: string; details: string[]; meta: string; flags: string[] } {
  const title = `${formatDay(entry.dates[0]!.date, year)} · ${entry.title}`;
  const details = entry.dates.map((d) => dateLine(d, year));
  const t = entry.translation;
  if (t)
    details.unshift(`What this means for you${t.translatedBy ? ` (${t.translatedBy})` : ''}: ${t.meaning}`);
  const cta = callToAction(entry);
  if (cta) details.push(cta);
  if (t?.effortMinutes !== undefined) details.push(`Effort: about ${plural(t.effortMinutes, 'minute')}`);
  if (t?.ipop) details.push(`Connects to our IPOP: ${t.ipop}`);
  if (t?.skipIf) details.push(`Skip if: ${t.skipIf}`);
  const meta = [
    entry.bulletin ? `In: ${entry.bulletin}` : '',
    entry.from ? `From: ${entry.from}` : '',
    entry.sent ? `sent ${formatDay(entry.sent, year)}` : '',
    entry.contacts.length ? `contact: ${contactText(entry.contacts)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return { title, details, meta, flags: entry.flags.map((f) => flagText(f, year)) };
}

function groups(digest: Digest): Array<{ label: string; entries: DigestEntry[] }> {
  const mustDo = digest.entries.filter((e) => e.tier === 'must_do');
  const rest = digest.entries.filter((e) => e.tier !== 'must_do');
  return [
    { label: 'Must do', entries: mustDo },
    { label: 'Also in this window', entries: rest },
  ].filter((g) => g.entries.length);
}

export function renderDigestText(digest: Digest): string {
  const out = [heading(digest), summary(digest), ''];
  if (!digest.entries.length) out.push('Nothing for principals is dated in this window.', '');
  for (const group of groups(digest)) {
    out.push(group.label.toUpperCase(), '');
    group.entries.forEach((entry, i) => {
      const { title, details, meta, flags } = entryLines(entry, digest.window.from.slice(0, 4));
      const tier = group.label === 'Must do' ? '' : ` [${TIER_LABEL[entry.tier]}]`;
      out.push(`${i + 1}. ${title}${tier}`);
      for (const line of details) out.push(`   ${line}`);
      if (meta) out.push(`   ${meta}`);
      for (const flag of flags) out.push(`   ! ${flag}`);
      out.push('');
    });
  }
  return out.join('\n');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const TIER_COLOR: Record<Tier, string> = {
  must_do: '#b3261e',
  action: '#8a5a00',
  fyi: '#3b5f8a',
  not_for_principals: '#666666',
};

const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#222222';

export function renderDigestHtml(digest: Digest): string {
  const e = escapeHtml;
  const out = [
    `<div style="${FONT}">`,
    `<h2 style="font-size:18px;margin:0 0 4px 0">${e(heading(digest))}</h2>`,
    `<p style="margin:0 0 16px 0;color:#555555">${e(summary(digest))}</p>`,
  ];
  if (!digest.entries.length)
    out.push(`<p style="margin:0">Nothing for principals is dated in this window.</p>`);
  for (const group of groups(digest)) {
    out.push(
      `<h3 style="font-size:15px;margin:16px 0 8px 0;text-transform:uppercase">${e(group.label)}</h3>`,
    );
    for (const entry of group.entries) {
      const { title, details, meta, flags } = entryLines(entry, digest.window.from.slice(0, 4));
      const color = TIER_COLOR[entry.tier];
      out.push(`<div style="border-left:4px solid ${color};padding:2px 0 2px 10px;margin:0 0 12px 0">`);
      out.push(
        `<div style="font-weight:bold">${e(title)} <span style="color:${color};font-weight:normal">(${e(TIER_LABEL[entry.tier])})</span></div>`,
      );
      for (const line of details) out.push(`<div>${e(line)}</div>`);
      if (meta) out.push(`<div style="color:#555555;font-size:13px">${e(meta)}</div>`);
      for (const flag of flags)
        out.push(`<div style="color:#b3261e;font-size:13px">&#9888; ${e(flag)}</div>`);
      out.push('</div>');
    }
  }
  out.push('</div>');
  return out.join('\n') + '\n';
}
