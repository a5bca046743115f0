// What a member picked in Google's Picker to let Rounds reach the network: the network spreadsheet and the
// network's root folder. Under drive.file, picking is what grants an app a file it did not create, so this
// checks the picks make sense and turns them into the two links the extension's "Join your network" takes.

export const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';
export const SPREADSHEET_MIME_TYPE = 'application/vnd.google-apps.spreadsheet';

export interface PickedFile {
  id: string;
  name: string;
  mimeType: string;
  url: string;
}

export interface NetworkPicks {
  spreadsheet?: PickedFile;
  folder?: PickedFile;
  /** What is missing or odd, in words a member can act on; empty when both links are ready. */
  problems: string[];
}

/**
 * The network's spreadsheet and root folder among the picks. `openSpreadsheetId` is the spreadsheet the
 * add-on runs in: the network spreadsheet is expected to be that one, so a different one is named.
 */
export function networkPicks(picks: readonly PickedFile[], openSpreadsheetId: string): NetworkPicks {
  const sheets = picks.filter((p) => p.mimeType === SPREADSHEET_MIME_TYPE);
  const folders = picks.filter((p) => p.mimeType === FOLDER_MIME_TYPE);
  const others = picks.filter((p) => p.mimeType !== SPREADSHEET_MIME_TYPE && p.mimeType !== FOLDER_MIME_TYPE);
  const problems: string[] = [];
  const spreadsheet = sheets.find((s) => s.id === openSpreadsheetId) ?? sheets[0];
  if (!spreadsheet)
    problems.push('Choose this network spreadsheet too: Rounds needs both it and the folder.');
  else if (spreadsheet.id !== openSpreadsheetId)
    problems.push(
      `“${spreadsheet.name}” is not the spreadsheet open here. Choose the network spreadsheet you opened this from.`,
    );
  if (sheets.length > 1) problems.push('Choose one spreadsheet: the network spreadsheet.');
  const folder = folders[0];
  if (!folder) problems.push("Choose the network's root folder too (the folder that holds its cycles).");
  if (folders.length > 1) problems.push("Choose one folder: the network's root folder.");
  for (const other of others)
    problems.push(`“${other.name}” is neither a folder nor a spreadsheet; Rounds does not need it.`);
  return { spreadsheet, folder, problems };
}

/** A picked value from the Picker's callback, checked: the Picker is Google's code, but it runs in a page. */
export function readPickedFile(value: unknown): PickedFile | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const text = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : '');
  const file = { id: text('id'), name: text('name'), mimeType: text('mimeType'), url: text('url') };
  if (!/^[\w-]{10,}$/.test(file.id) || !/^https:\/\/(docs|drive)\.google\.com\//.test(file.url))
    return undefined;
  return file;
}
