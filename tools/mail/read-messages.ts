// Reads the messages a user hands the `rounds triage` and `rounds digest` commands, whatever the file holds
// (JSON Lines, one .eml, an .mbox mailbox), one at a time, turning every bad record into a located problem
// instead of an exception, so one broken line never costs the others.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseMessageRecord, quote } from '../../shared/mandates/input';
import type { MandateMessage } from '../../shared/mandates/types';
import { looksLikeEmail, parseEmail } from './eml';
import { MAX_LINE_BYTES, readLines } from './lines';
import { isPostmark, MAX_MESSAGE_BYTES, readMbox } from './mbox';

export type MailFormat = 'jsonl' | 'eml' | 'mbox';

/** One thing read from the file; `where` says where it was ("line 7", "message 3 (line 120)"). */
export type Incoming =
  | { kind: 'message'; where: string; message: MandateMessage }
  | { kind: 'problem'; where: string; problems: string[] }
  | { kind: 'warning'; where: string; warning: string };

/** A file that cannot be read at all (missing, a folder, an unknown format): the caller exits with 2. */
export class UnreadableFile extends Error {}

const EXTENSIONS: Record<string, MailFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
  '.eml': 'eml',
  '.mbox': 'mbox',
  '.mbx': 'mbox',
};

/** Decides the format from the first bytes, falling back to the extension only when the content is unclear. */
export function sniffFormat(path: string, head: Buffer): MailFormat | undefined {
  const text = head.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  const firstLine = text.split('\n', 1)[0] ?? '';
  if (isPostmark(Buffer.from(firstLine, 'latin1'))) return 'mbox';
  if (/^\s*\{/.test(text)) return 'jsonl';
  if (looksLikeEmail(text)) return 'eml';
  const byExtension = EXTENSIONS[extname(path).toLowerCase()];
  if (byExtension) return byExtension;
  // No telling extension: several lines that open a JSON object still mean JSON Lines.
  return text.split('\n', 20).filter((l) => l.trimStart().startsWith('{')).length >= 1 ? 'jsonl' : undefined;
}

async function readHead(path: string, name: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory())
      throw new UnreadableFile(`${name} is a folder; give a .jsonl, .eml or .mbox file`);
    const buffer = Buffer.alloc(Math.min(64 * 1024, stat.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UnreadableFile(`cannot read ${name}: ${why}`);
  } finally {
    await handle?.close();
  }
}

/**
 * Yields every message and every problem in the file, in file order. Ids must be unique across the file
 * (the triage links repeats by id), so a second use of an id is a problem, not a silent overwrite.
 */
export async function* readMessages(path: string, name = path): AsyncGenerator<Incoming> {
  const head = await readHead(path, name);
  if (head.length === 0) {
    yield { kind: 'problem', where: name, problems: ['the file is empty: there is nothing to triage'] };
    return;
  }
  const format = sniffFormat(path, head);
  if (!format) {
    throw new UnreadableFile(
      `cannot tell what ${name} holds: expected JSON Lines (one {"id", "text"} object per line), an email (.eml) or a mailbox (.mbox)`,
    );
  }
  const seen = new Map<string, string>();
  let count = 0;
  for await (const item of format === 'jsonl'
    ? readJsonLines(path)
    : format === 'eml'
      ? readEml(path, name)
      : readMboxFile(path)) {
    if (item.kind === 'message') {
      const earlier = seen.get(item.message.id);
      if (earlier !== undefined) {
        yield {
          kind: 'problem',
          where: item.where,
          problems: [`id ${quote(item.message.id)} is already used by ${earlier}; ids must be unique`],
        };
        continue;
      }
      seen.set(item.message.id, item.where);
      count++;
    }
    if (item.kind === 'problem') count++;
    yield item;
  }
  if (count === 0)
    yield {
      kind: 'problem',
      where: name,
      problems: ['the file holds no records: there is nothing to triage'],
    };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function* readJsonLines(path: string): AsyncGenerator<Incoming> {
  for await (const line of readLines(createReadStream(path, { highWaterMark: 256 * 1024 }))) {
    const where = `line ${line.number}`;
    if (line.tooLong) {
      yield {
        kind: 'problem',
        where,
        problems: [
          `is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB; one record must fit on one line shorter than that`,
        ],
      };
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(line.bytes);
    } catch {
      yield { kind: 'problem', where, problems: ['is not valid UTF-8 text (binary data?)'] };
      continue;
    }
    if (line.number === 1) text = text.replace(/^\uFEFF/, '');
    // Blank lines hold no record, so skipping them loses nothing (many tools end files with one).
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { kind: 'problem', where, problems: [`is not valid JSON: ${jsonError(error)}`] };
      continue;
    }
    const parsed = parseMessageRecord(value);
    if (!parsed.ok) {
      yield { kind: 'problem', where, problems: parsed.problems };
      continue;
    }
    for (const warning of parsed.warnings ?? []) yield { kind: 'warning', where, warning };
    yield { kind: 'message', where, message: parsed.value };
  }
}

/** JSON.parse's message quotes the input back; keep the reason, drop the echo, and escape what is left. */
function jsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.replace(/,? ".*" is not valid JSON$/s, '').slice(0, 160);
  return quote(reason, 160).slice(1, -1).replace(/\\"/g, '"');
}

async function* readEml(path: string, name: string): AsyncGenerator<Incoming> {
  const handle = await open(path, 'r');
  let raw: Buffer;
  try {
    const { size } = await handle.stat();
    if (size > MAX_MESSAGE_BYTES) {
      yield {
        kind: 'problem',
        where: name,
        problems: [`is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB`],
      };
      return;
    }
    raw = await handle.readFile();
  } finally {
    await handle.close();
  }
  // A single message saved by a mail client sometimes starts with its mbox separator: it is harmless here.
  if (isPostmark(raw.subarray(0, raw.indexOf(0x0a) === -1 ? raw.length : raw.indexOf(0x0a)))) {
    raw = raw.subarray(raw.indexOf(0x0a) + 1);
  }
  yield* emailResult(name, raw);
}

async function* readMboxFile(path: string): AsyncGenerator<Incoming> {
  for await (const entry of readMbox(readLines(createReadStream(path, { highWaterMark: 256 * 1024 })))) {
    const where = entry.index === 0 ? `line ${entry.line}` : `message ${entry.index} (line ${entry.line})`;
    if (!entry.raw) yield { kind: 'problem', where, problems: [entry.problem ?? 'cannot be read'] };
    else yield* emailResult(where, entry.raw);
  }
}

async function* emailResult(where: string, raw: Uint8Array): AsyncGenerator<Incoming> {
  const result = await parseEmail(raw);
  if (!result.ok) {
    yield { kind: 'problem', where, problems: result.problems };
    return;
  }
  for (const warning of result.warnings) yield { kind: 'warning', where, warning };
  yield { kind: 'message', where, message: result.message };
}
