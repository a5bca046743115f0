// Splits an mbox mailbox (Thunderbird, Apple Mail, Google Takeout) into raw messages one at a time, so a
// mailbox of any size is read with one message in memory.
import type { Line } from './lines';

export interface MboxMessage {
  /** 1-based position of the message in the mailbox; 0 for text before the first separator. */
  index: number;
  /** Line number of its "From " separator. */
  line: number;
  /** The raw message, ">From " lines unescaped; absent when it was too big to read. */
  raw?: Buffer;
  /** Why the message could not be read whole. */
  problem?: string;
}

/** Bigger than any mail a district sends (Gmail caps at 25 MB plus encoding), small enough to hold. */
export const MAX_MESSAGE_BYTES = 48 * 1024 * 1024;

const FROM_ = Buffer.from('From ');
// A separator is "From sender date": requiring a clock time keeps a body line such as "From the desk of the
// superintendent", left unescaped by a careless writer, from splitting a message in two.
const POSTMARK_TIME = /\d{1,2}:\d{2}/;

export function isPostmark(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).equals(FROM_) && POSTMARK_TIME.test(bytes.subarray(0, 200).toString('latin1'));
}

export async function* readMbox(lines: AsyncIterable<Line>): AsyncGenerator<MboxMessage> {
  let current: { index: number; line: number; parts: Buffer[]; size: number; problem?: string } | undefined;
  let index = 0;
  let previousBlank = true;

  const finish = (): MboxMessage | undefined => {
    if (!current) return undefined;
    const { index: i, line, parts, size, problem } = current;
    current = undefined;
    if (problem) return { index: i, line, problem };
    // The blank line before the next separator belongs to the mailbox format, not to the message.
    if (parts.length >= 2 && parts[parts.length - 2]!.length === 0) parts.splice(-2, 2);
    return { index: i, line, raw: Buffer.concat(parts, size) };
  };

  for await (const line of lines) {
    const blank = line.bytes.length === 0;
    if (previousBlank && !line.tooLong && isPostmark(line.bytes)) {
      const done = finish();
      if (done) yield done;
      current = { index: ++index, line: line.number, parts: [], size: 0 };
      previousBlank = false;
      continue;
    }
    previousBlank = blank;
    if (!current) {
      // Text before the first separator is not a message; say so once (as message 0) rather than guess.
      current = { index: 0, line: line.number, parts: [], size: 0 };
      current.problem = 'the text before the first "From " separator line is not a message, so it is skipped';
    }
    if (current.problem) continue;
    if (line.tooLong) {
      current.problem = `has a line longer than 4 MiB (line ${line.number}), so it cannot be read`;
      continue;
    }
    // mboxrd escaping: a body line that began with "From " was written as ">From ", ">>From " as ">>>From ".
    let bytes = line.bytes;
    if (bytes[0] === 0x3e && /^>+From /.test(bytes.subarray(0, 64).toString('latin1')))
      bytes = bytes.subarray(1);
    current.size += bytes.length + 1;
    if (current.size > MAX_MESSAGE_BYTES) {
      current.problem = `is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB, so it cannot be read`;
      continue;
    }
    current.parts.push(bytes, NEWLINE);
  }
  const done = finish();
  if (done) yield done;
}

const NEWLINE = Buffer.from('\n');
