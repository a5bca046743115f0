// The ILD's translation of one central-office email, kept in the Translations tab and keyed by the email's
// Message-ID, so every member who opens their own copy of the same email (different Gmail ids, same
// Message-ID) sees it above the triage. A translation overrides the engine's tier and what-to-do.
import type { CellValue } from '../../schema/sheet';
import type { Tier } from '../types';
import { cellDay, cellProblem, cellText, readRows, type SheetValues } from './sheet-rows';
import { notATier, readTier } from './tiers';

export interface Translation {
  /** The email's Message-ID header, without its angle brackets. */
  messageId: string;
  /** The email's subject, so the sheet reads without opening Gmail. */
  subject?: string;
  /** The tier as the ILD sees it; overrides the engine's. */
  tier?: Tier;
  /** What this means for you. */
  meaning: string;
  /** What to do. */
  todo: string;
  /** By when, YYYY-MM-DD. */
  byWhen?: string;
  /** Effort, in minutes. */
  effortMinutes?: number;
  /** How it connects to the network's problem of practice (optional). */
  ipop?: string;
  /** Skip if … */
  skipIf?: string;
  translatedBy?: string;
  /** ISO date-time. */
  translatedAt?: string;
}

/** A Message-ID as a key: trimmed, without "Message-ID:" or the angle brackets. Case is kept (it matters). */
export function normalizeMessageId(value: string | undefined): string {
  return (value ?? '')
    .trim()
    .replace(/^message-id:\s*/i, '')
    .replace(/^<\s*/, '')
    .replace(/\s*>$/, '')
    .trim();
}

/**
 * The Translations tab's rows. A row without a Message-ID, or with neither a meaning nor a what-to-do, is
 * named and skipped; an unreadable tier, date or effort is named and left out while the rest of the row is
 * used.
 */
export function readTranslations(values: SheetValues | undefined): {
  translations: Translation[];
  problems: string[];
} {
  const { tab, rows } = readRows('translations', values);
  const translations: Translation[] = [];
  const problems: string[] = [];
  for (const { row, record } of rows) {
    const messageId = normalizeMessageId(cellText(record.messageId));
    if (!messageId) {
      problems.push(
        cellProblem(tab, row, 'messageId', 'empty, so no email can be matched; the row is skipped.'),
      );
      continue;
    }
    const meaning = cellText(record.meaning);
    const todo = cellText(record.todo);
    if (!meaning && !todo) {
      problems.push(cellProblem(tab, row, 'meaning', 'empty, and so is "What to do"; the row is skipped.'));
      continue;
    }
    const t: Translation = { messageId, meaning, todo };
    const subject = cellText(record.subject);
    if (subject) t.subject = subject;
    const rawTier = cellText(record.tier);
    if (rawTier) {
      const tier = readTier(rawTier);
      if (tier) t.tier = tier;
      else problems.push(cellProblem(tab, row, 'tier', `${notATier(rawTier)}; the engine's tier is kept.`));
    }
    if (cellText(record.byWhen)) {
      const day = cellDay(record.byWhen);
      if (day) t.byWhen = day;
      else
        problems.push(
          cellProblem(
            tab,
            row,
            'byWhen',
            `"${cellText(record.byWhen)}" is not a date (write 2026-12-04); left out.`,
          ),
        );
    }
    if (cellText(record.effortMinutes)) {
      const raw = record.effortMinutes;
      const n =
        typeof raw === 'number' ? raw : Number(cellText(raw).replace(/\s*(?:min|mins|minutes)$/i, ''));
      if (Number.isInteger(n) && n >= 0 && n <= 10_000) t.effortMinutes = n;
      else
        problems.push(
          cellProblem(
            tab,
            row,
            'effortMinutes',
            `"${cellText(raw)}" is not a whole number of minutes; left out.`,
          ),
        );
    }
    for (const k of ['ipop', 'skipIf', 'translatedBy', 'translatedAt'] as const) {
      const v = cellText(record[k]);
      if (v) t[k] = v;
    }
    translations.push(t);
  }
  return { translations, problems };
}

/** Translations by Message-ID; when a Message-ID has several rows, the latest translated (else lowest) wins. */
export function translationsById(translations: readonly Translation[]): Map<string, Translation> {
  const byId = new Map<string, Translation>();
  for (const t of translations) {
    const id = normalizeMessageId(t.messageId);
    if (!id) continue;
    const before = byId.get(id);
    if (!before || (t.translatedAt ?? '') >= (before.translatedAt ?? ''))
      byId.set(id, { ...t, messageId: id });
  }
  return byId;
}

/** The translation for an email's Message-ID (as its header has it, brackets or not). */
export function translationFor(
  messageId: string | undefined,
  translations: ReadonlyMap<string, Translation> | readonly Translation[],
): Translation | undefined {
  const id = normalizeMessageId(messageId);
  if (!id) return undefined;
  const map = translations instanceof Map ? translations : translationsById(translations as Translation[]);
  return map.get(id);
}

/** The Rounds ID of a translation's row: one row per email, rewritten when the ILD edits it. */
export function translationRowId(messageId: string): string {
  return `translation:${normalizeMessageId(messageId)}`;
}

/** A translation as a Translations row's record (for recordToRow): every column Rounds writes. */
export function translationToRecord(t: Translation): Record<string, CellValue> {
  return {
    id: translationRowId(t.messageId),
    messageId: normalizeMessageId(t.messageId),
    subject: t.subject ?? '',
    tier: t.tier ?? '',
    meaning: t.meaning,
    todo: t.todo,
    byWhen: t.byWhen ?? '',
    effortMinutes: t.effortMinutes ?? '',
    ipop: t.ipop ?? '',
    skipIf: t.skipIf ?? '',
    translatedBy: t.translatedBy ?? '',
    translatedAt: t.translatedAt ?? '',
  };
}
