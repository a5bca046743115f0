// Builds Drive `files.list` queries from parts, quoting every value the way the q grammar requires, so a
// folder id or a Gmail message id containing a quote or backslash can never break (or widen) a search.

/** A string literal in Drive's query language: backslash and single quote escaped with a backslash. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function inFolder(folderId: string): string {
  return `${quote(folderId)} in parents`;
}

export function hasAppProperty(key: string, value: string): string {
  return `appProperties has { key=${quote(key)} and value=${quote(value)} }`;
}

export function nameIs(name: string): string {
  return `name = ${quote(name)}`;
}

export function mimeTypeIs(mimeType: string): string {
  return `mimeType = ${quote(mimeType)}`;
}

export const NOT_TRASHED = 'trashed = false';

export function allOf(...clauses: string[]): string {
  return clauses.map((c) => (/\bor\b/i.test(c) ? `(${c})` : c)).join(' and ');
}
