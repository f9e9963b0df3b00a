/**
 * Writes a fixed file atomically: the new text goes to a temporary file beside it (same folder, so the
 * same file system), with the original's mode, flushed to disk, then renamed over the original, so a
 * reader or a crash sees the old file or the new one, never half of one. A symbolic link is kept: the
 * file it points at is replaced. Refuses when the file changed since it was read.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import * as path from 'node:path';

export function writeAtomically(file: string, expectedOld: string, text: string): string | undefined {
  let target: string;
  try {
    target = realpathSync(file);
    if (readFileSync(target, 'utf8') !== expectedOld) return 'it changed while it was checked; not written';
  } catch (error) {
    return (error as Error).message;
  }
  const mode = statSync(target).mode & 0o7777;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.shipshape-${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', mode);
    fchmodSync(fd, mode); // the open's mode is masked by the umask; the file keeps the original's
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
    return undefined;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    return (error as Error).message;
  }
}
