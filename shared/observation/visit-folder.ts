// The Drive folder of a visit, as people paste it into the Visits tab: a folder link or its bare id.

export function folderIdOf(cell: string): string | null {
  const t = cell.trim();
  const link = /\/folders\/([A-Za-z0-9_-]{10,})/.exec(t) ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(t);
  if (link) return link[1]!;
  return /^[A-Za-z0-9_-]{10,}$/.test(t) ? t : null;
}
