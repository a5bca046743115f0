// A network meeting's agenda as a Google Doc, planned as data: the clean default (title, the agenda's
// blocks, the host's problem of practice and look-fors, the visit schedule, the topic, operations, and the
// host-prep checklist), the Docs API requests that write it in one batch, and the placeholders a network's
// own template Doc can carry instead ({{host}}, {{date}}, {{topic}}…).

export interface AgendaBlockLine {
  title: string;
  minutes: number;
}

export interface AgendaDocInput {
  date: string;
  host: string;
  topic: string;
  blocks: readonly AgendaBlockLine[];
  problemOfPractice: string;
  lookFors: readonly string[];
  /** Buddy visits before the next meeting, one line each. */
  visits: readonly string[];
  /** What the operations slot carries: must-do items in the ILD's words. */
  operations: readonly string[];
  toShow: string;
  feedbackWanted: string;
  /** The day the agenda should go out (two weeks ahead). */
  sendBy: string;
  /** When the meeting starts ("08:30"), for clock times; without it the agenda counts from 0:00. */
  start?: string;
}

export type DocStyle = 'TITLE' | 'HEADING_2' | 'NORMAL_TEXT';

export interface DocLine {
  text: string;
  style: DocStyle;
  bullet?: 'disc' | 'checkbox';
}

/** The placeholders a template Doc may use, each replaced wherever it appears. */
export const AGENDA_PLACEHOLDERS = [
  'host',
  'date',
  'topic',
  'agenda',
  'problem_of_practice',
  'look_fors',
  'visits',
  'operations',
  'host_prep',
] as const;

const none = (what: string) => [`(${what})`];

function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}:${String(m).padStart(2, '0')}`;
}

function agendaLines(blocks: readonly AgendaBlockLine[], start?: string): string[] {
  const m = start ? /^(\d{1,2}):(\d{2})$/.exec(start.trim()) : null;
  let at = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  const time = (minutes: number) => (m ? clock(minutes % (24 * 60)).padStart(5, '0') : clock(minutes));
  return blocks.map((b) => {
    const line = `${time(at)}–${time(at + b.minutes)}  ${b.title} (${b.minutes} min)`;
    at += b.minutes;
    return line;
  });
}

function hostPrep(input: AgendaDocInput): string[] {
  return [
    `What the host wants to show: ${input.toShow || 'to agree with the host'}`,
    `Feedback the host wants on their own leadership: ${input.feedbackWanted || 'to agree with the host'}`,
    `Look-fors chosen with the host (${input.lookFors.length || 'none yet'})`,
    'Classrooms and times for the walk-through agreed with teachers (classrooms by number, never by name)',
    `Agenda out to principals by ${input.sendBy}`,
  ];
}

/** Each placeholder's text (lists one item per line). */
export function placeholderValues(
  input: AgendaDocInput,
): Record<(typeof AGENDA_PLACEHOLDERS)[number], string> {
  return {
    host: input.host,
    date: input.date,
    topic: input.topic || 'to be chosen (Topics tab)',
    agenda: agendaLines(input.blocks, input.start).join('\n'),
    problem_of_practice: input.problemOfPractice || 'not written yet',
    look_fors: input.lookFors.join('\n') || 'none yet',
    visits: input.visits.join('\n') || 'none planned',
    operations: input.operations.join('\n') || 'nothing must-do this time',
    host_prep: hostPrep(input).join('\n'),
  };
}

export function agendaDocLines(input: AgendaDocInput): DocLine[] {
  const lines: DocLine[] = [];
  const heading = (text: string) => lines.push({ text, style: 'HEADING_2' });
  const items = (texts: readonly string[], bullet: 'disc' | 'checkbox' = 'disc') =>
    texts.forEach((text) => lines.push({ text, style: 'NORMAL_TEXT', bullet }));
  const para = (text: string) => lines.push({ text, style: 'NORMAL_TEXT' });
  lines.push({ text: `Network meeting, ${input.date}, at ${input.host}`, style: 'TITLE' });
  heading('Agenda');
  items(agendaLines(input.blocks, input.start));
  heading(`The host's problem of practice`);
  para(
    input.problemOfPractice ||
      'The host has not written a problem of practice yet (Schools tab, IPOP question).',
  );
  heading('Look-fors for the walk-through');
  items(input.lookFors.length ? input.lookFors : none('no look-fors yet: agree them with the host'));
  heading('Visit schedule');
  items(input.visits.length ? input.visits : none('no buddy visits planned before the next meeting'));
  heading(`Extended session: ${input.topic || 'topic to be chosen'}`);
  para(
    input.topic
      ? 'The topic principals voted for on the Topics tab.'
      : 'No topic has votes yet: principals propose and vote on the Topics tab.',
  );
  heading('Operations and compliance');
  items(input.operations.length ? input.operations : none('nothing must-do this time'));
  heading('Host prep (the ILD with the host, beforehand)');
  items(hostPrep(input), 'checkbox');
  return lines;
}

/**
 * The Docs API batchUpdate requests that write the lines: one insertText of the whole text, then a paragraph
 * style per heading and bullets per list — one API call in all. Into an empty Doc they go at index 1; added
 * to a Doc that has text, at `at` (the body's end index less one) after a line break.
 */
export function docsRequests(lines: readonly DocLine[], at = 1, afterText = false): unknown[] {
  const text = (afterText ? '\n' : '') + lines.map((l) => l.text).join('\n');
  const requests: unknown[] = [{ insertText: { location: { index: at }, text } }];
  // Docs counts in UTF-16 code units, as JavaScript strings do.
  let start = at + (afterText ? 1 : 0);
  for (const line of lines) {
    const range = { startIndex: start, endIndex: start + line.text.length + 1 };
    if (line.style !== 'NORMAL_TEXT')
      requests.push({
        updateParagraphStyle: {
          range,
          paragraphStyle: { namedStyleType: line.style },
          fields: 'namedStyleType',
        },
      });
    if (line.bullet)
      requests.push({
        createParagraphBullets: {
          range,
          bulletPreset: line.bullet === 'checkbox' ? 'BULLET_CHECKBOX' : 'BULLET_DISC_CIRCLE_SQUARE',
        },
      });
    start += line.text.length + 1;
  }
  return requests;
}

/** The requests that fill a copy of the network's template: every {{placeholder}} replaced, case as typed. */
export function placeholderRequests(input: AgendaDocInput): unknown[] {
  const values = placeholderValues(input);
  return AGENDA_PLACEHOLDERS.map((key) => ({
    replaceAllText: { containsText: { text: `{{${key}}}`, matchCase: false }, replaceText: values[key] },
  }));
}
