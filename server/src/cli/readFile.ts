/**
 * Bounded reading of the files `shipshape check` is given. Only regular files are read: a device
 * (`/dev/zero`), a FIFO or a socket would never end or would block, so they are refused before a byte is
 * read. Every read is bounded by the size limit before it happens: the file is read in chunks into a
 * buffer of at most the limit plus one byte, so a file that grows while it is read (or lies about its
 * size) is refused at the limit rather than after memory ran out.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { decodeBytes, type FileRead } from '../service/index';

/** Files larger than this are refused rather than parsed: Compose files are never this big. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const CHUNK = 1024 * 1024;

/** Reads a regular file as text (encoding.ts), refusing special files, oversized and binary files with a reason. */
export function readBounded(path: string, limit = MAX_FILE_BYTES): FileRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, before fstat could refuse it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return failure(error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'refused', reason: notRegular(stats) };
    if (stats.size > limit) return { kind: 'refused', reason: tooLarge(limit, stats.size) };
    const bytes = readChunks((buffer, offset, length) => readSync(fd, buffer, offset, length, null), limit);
    return bytes === undefined ? { kind: 'refused', reason: tooLarge(limit) } : decodeBytes(bytes);
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

/** Standard input (`-`), read as a stream so a pipe, a file or `/dev/zero` redirected into it are all bounded. */
export async function readStdin(stream: NodeJS.ReadableStream, limit = MAX_FILE_BYTES): Promise<FileRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limit) return { kind: 'refused', reason: tooLarge(limit) };
    chunks.push(buffer);
  }
  return decodeBytes(Buffer.concat(chunks, size));
}

/** Fills a buffer chunk by chunk; undefined when there is more than `limit` bytes. */
function readChunks(read: (buffer: Buffer, offset: number, length: number) => number, limit: number): Buffer | undefined {
  let buffer = Buffer.allocUnsafe(Math.min(limit + 1, CHUNK));
  let size = 0;
  for (;;) {
    if (size === buffer.length) {
      if (size > limit) return undefined;
      const grown = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
      buffer.copy(grown, 0, 0, size);
      buffer = grown;
    }
    const n = read(buffer, size, buffer.length - size);
    if (n === 0) return buffer.subarray(0, size);
    size += n;
  }
}

function notRegular(stats: Stats): string {
  if (stats.isDirectory()) return 'is a directory';
  if (stats.isFIFO()) return 'is a FIFO (named pipe), not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file';
  if (stats.isSocket()) return 'is a socket, not a regular file';
  return 'not a regular file';
}

/** `size` when the file system told it; a stream or a growing file is only known to pass the limit. */
function tooLarge(limit: number, size?: number): string {
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
  return `${size === undefined ? `over ${mb(limit)}` : `${mb(size)}, over ${mb(limit)}`}: Compose files that large are not checked`;
}

/** The error as the short phrase a user expects after the file name. */
export function failure(error: unknown): FileRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  const reasons: Record<string, string> = {
    EISDIR: 'is a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'too many levels of symbolic links (a symlink loop?)',
    ENAMETOOLONG: 'file name too long',
    EAGAIN: 'would block (not a regular file?)',
  };
  return { kind: 'refused', reason: (code && reasons[code]) || (error as Error).message };
}
