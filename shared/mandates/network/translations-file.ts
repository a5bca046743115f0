// Translations from a file: the Translations tab exported from Google Sheets as CSV, or JSON Lines (one
// translation per line, keyed as the Translation record or by the tab's headers). Bad rows are named — by
// sheet row for CSV, by line for JSON Lines — and the rest are used.
import { recordToRow, tabByKey, type CellValue } from '../../schema/sheet';
import { CsvError, parseCsv } from './csv';
import { readTranslations, type Translation } from './translations';

export interface TranslationsFile {
  translations: Translation[];
  /** One sentence each, starting with the file's name. */
  problems: string[];
  /** Set when the file could not be read at all (not CSV or JSON Lines, no header row, an unclosed quote). */
  unreadable?: string;
}

/** Whether the text is JSON Lines (its first non-blank character opens an object) rather than CSV. */
function looksLikeJsonLines(name: string, text: string): boolean {
  if (/\.jsonl?$/i.test(name)) return true;
  if (/\.csv$/i.test(name)) return false;
  return text.trimStart().startsWith('{');
}

export function readTranslationsFile(name: string, text: string): TranslationsFile {
  if (looksLikeJsonLines(name, text)) return readJsonLines(name, text);
  let values: string[][];
  try {
    values = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) return { translations: [], problems: [], unreadable: `${name}: ${e.message}` };
    throw e;
  }
  const tab = tabByKey('translations');
  const header = (values[0] ?? []).map((h) => h.trim().toLowerCase());
  if (!header.includes('message-id'))
    return {
      translations: [],
      problems: [],
      unreadable: `${name}: the first row has no "Message-ID" column, so it is not an export of the ${tab.name} tab`,
    };
  const read = readTranslations(values);
  return { translations: read.translations, problems: read.problems.map((p) => `${name}: ${p}`) };
}

function readJsonLines(name: string, text: string): TranslationsFile {
  const tab = tabByKey('translations');
  const headerRow = tab.columns.map((c) => c.header);
  const byHeader = new Map(tab.columns.map((c) => [c.header.toLowerCase(), c.key]));
  const keys = new Set(tab.columns.map((c) => c.key));
  const translations: Translation[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${name}, line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${where}: not JSON; skipped.`);
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${where}: not an object with the translation's fields; skipped.`);
      return;
    }
    const record: Record<string, CellValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const key = keys.has(k) ? k : byHeader.get(k.trim().toLowerCase());
      if (!key) continue;
      if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) record[key] = v as CellValue;
      else problems.push(`${where}: "${k}" is not text or a number; left out.`);
    }
    const read = readTranslations([headerRow, recordToRow(tab, headerRow, record)]);
    translations.push(...read.translations);
    for (const p of read.problems) problems.push(p.replace(/^Translations, row 2/, where));
  });
  return { translations, problems };
}
