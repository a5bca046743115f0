// Splits a byte stream into numbered lines without ever holding more than one line (capped) in memory, so
// a multi-gigabyte mailbox or a JSON Lines file with one runaway line cannot exhaust memory.

export interface Line {
  /** 1-based line number in the file. */
  number: number;
  /** The line's bytes without its line ending (CRLF or LF); cut at the cap when `tooLong`. */
  bytes: Buffer;
  /** The line was longer than the cap; the rest of it was skipped. */
  tooLong: boolean;
}

/** Lines are cut here: far above any real record or mail line, far below what would strain memory. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

export async function* readLines(
  chunks: AsyncIterable<Uint8Array>,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let held = 0;
  let tooLong = false;
  let number = 0;

  const finish = (): Line => {
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, held);
    if (!tooLong && bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    const line = { number: ++number, bytes, tooLong };
    parts = [];
    held = 0;
    tooLong = false;
    return line;
  };
  const keep = (piece: Buffer) => {
    if (tooLong) return;
    const room = maxLineBytes - held;
    if (piece.length > room) {
      if (room > 0) parts.push(piece.subarray(0, room));
      held += Math.max(room, 0);
      tooLong = true;
      return;
    }
    parts.push(piece);
    held += piece.length;
  };

  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let end = buf.indexOf(0x0a, start); end !== -1; end = buf.indexOf(0x0a, start)) {
      keep(buf.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    if (start < buf.length) keep(buf.subarray(start));
  }
  if (held > 0 || tooLong) yield finish();
}
