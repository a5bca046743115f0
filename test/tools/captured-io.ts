// The command line's I/O, captured: what a `rounds` command printed, for the CLI tests to read.
import type { CommandIO } from '../../tools/cli/commands';

export type CapturedIO = CommandIO & { out: string; err: string };

export function capturedIO(cwd: string = process.cwd()): CapturedIO {
  const io: CapturedIO = {
    out: '',
    err: '',
    cwd,
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
  };
  return io;
}
