// The demo network's say on central-office mail, as its ILD left it in the spreadsheet: which senders are
// the central office (Settings), who is the ILD and who the principals (Members), and the ILD's translation
// of the week's short-notice must-do (Translations, keyed by its Message-ID), and two other principals'
// copies of the device count that two departments asked in their own words (Mandates: they chose to share
// their central-office mail). Rows carry stable ids, so a second start adds nothing.
import { TableAppender, type TableRow } from '../../shared/google/table-rows';
import { CENTRAL_OFFICE_SETTING_ROWS } from '../../shared/mandates/network/central-office';
import { sharedMandateRecord } from '../../shared/mandates/network/seen-asks';
import { translationRowId, translationToRecord } from '../../shared/mandates/network/translations';
import { tabByKey, type TabKey } from '../../shared/schema/sheet';
import { connect } from '../google/connect';
import { staticTokens } from '../google/node-transport';
import { DEMO_MAIL } from './mail';
import { TRANSLATED } from './mandate-mail';
import { DEMO_DOMAIN, ILD, SCHOOLS } from './network';
import { messageIdHeader } from './raw-mail';

const OFFICES = [
  'Office of Assessment',
  'School Safety Office',
  'Title I Programs',
  'Special Education Services',
  'Office of Academics',
  'Facilities and Operations',
  'Transportation Department',
  'Nutrition Services',
  'District Communications',
  "Superintendent's Office",
  'Human Resources',
];

const SETTINGS = [DEMO_DOMAIN, OFFICES.join('; '), `bulletin@${DEMO_DOMAIN}`];

/** Marcus (Harborview) received both departments' device counts, Priya (Linden Park) the Title I one. */
function sharedCopies(): TableRow[] {
  const copies: Array<[string, string, string]> = [
    ['devices-title1', 'Harborview K-8', 'Title I Programs'],
    ['devices-sped', 'Harborview K-8', 'Special Education Services'],
    ['devices-title1', 'Linden Park K-8', 'Title I Programs'],
  ];
  return copies.map(([key, school, department]) => {
    const email = DEMO_MAIL.find((m) => m.key === key)!;
    const principal = SCHOOLS.find((s) => s.name === school)!;
    return sharedMandateRecord({
      messageId: messageIdHeader(email),
      seenBy: principal.principalEmail ?? '',
      subject: email.subject,
      from: `${email.from.name} <${email.from.email}>`,
      department,
      text: email.body.join('\n\n'),
      sent: email.date.slice(0, 10),
      tier: 'action',
      firstDue: '2025-12-05',
    });
  });
}

function translation(): TableRow {
  const email = DEMO_MAIL.find((m) => m.key === TRANSLATED)!;
  const messageId = messageIdHeader(email);
  return {
    id: translationRowId(messageId),
    record: translationToRecord({
      messageId,
      subject: email.subject,
      tier: 'must_do',
      meaning:
        'The board counts a school that does not vote as abstaining. Your vote is how your teachers get a say in next year’s ELA materials.',
      todo: 'Ask your ELA team lead for the team’s pick and enter it in the curriculum portal.',
      byWhen: '2025-12-03',
      effortMinutes: 10,
      ipop: 'Pick the materials whose questions ask students to cite the text: that is our problem of practice.',
      skipIf: 'Your school already voted at the November principals’ meeting.',
      translatedBy: ILD.email,
      translatedAt: '2025-12-02T18:10:00-08:00',
    }),
  };
}

export async function seedMandates(
  sandboxUrl: string,
  token: string,
  spreadsheetId: string,
): Promise<number> {
  const google = connect({ origin: sandboxUrl, tokens: staticTokens(token), sheetsLimit: null });
  const append = async (key: TabKey, rows: readonly TableRow[]) =>
    (await new TableAppender(google.sheets, spreadsheetId, tabByKey(key)).append(rows)).appended.length;
  try {
    let added = await append(
      'settings',
      CENTRAL_OFFICE_SETTING_ROWS.map((row, i) => ({
        id: `setting:central-office-${i + 1}`,
        record: { setting: row.setting, value: SETTINGS[i]!, about: row.about },
      })),
    );
    added += await append('members', [
      { id: `member:${ILD.email}`, record: { email: ILD.email, name: ILD.name, role: 'ild' } },
      ...SCHOOLS.map((s) => ({
        id: `member:${s.principalEmail}`,
        record: { email: s.principalEmail ?? '', name: s.principal ?? '', role: 'principal', school: s.name },
      })),
    ]);
    added += await append('translations', [translation()]);
    added += await append('mandates', sharedCopies());
    return added;
  } finally {
    google.close();
  }
}
