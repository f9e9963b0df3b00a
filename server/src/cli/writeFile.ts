/**
 * Writes a fixed file atomically: the new text goes to a temporary file beside it (same folder, so the
 * same file system), with the original's mode, flushed to disk, then renamed over the original, so a
 * reader or a crash sees the old file or the new one, never half of one. A symbolic link is kept: the
 * file it points at is replaced. Refuses when the file changed since it was read. The file keeps its
 * encoding (a UTF-8 byte order mark, UTF-16).
 */
import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { decodeBytes, encodeText } from '../service/index';

export function writeAtomically(file: string, expectedOld: string, text: string): string | undefined {
  let target: string;
  let bytes: Uint8Array;
  try {
    target = realpathSync(file);
    // Decoded as it was read, so a byte order mark or UTF-16 is compared as text and written back the same.
    const current = decodeBytes(readFileSync(target));
    if (current.kind !== 'text' || current.text !== expectedOld) return 'it changed while it was checked; not written';
    bytes = encodeText(text, current.encoding ?? 'utf-8');
  } catch (error) {
    return (error as Error).message;
  }
  const mode = statSync(target).mode & 0o7777;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.shipshape-${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', mode);
    fchmodSync(fd, mode); // the open's mode is masked by the umask; the file keeps the original's
    writeSync(fd, bytes);
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
