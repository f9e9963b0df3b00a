/**
 * The editor's FileHost: open buffers win over the disk (unsaved edits to `.env` count at once), and the
 * disk is read only inside the workspace folders, only for regular files (never a device or FIFO, which
 * could block the server), only up to a size bound and never binary. Nothing is ever written.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeBytes, type DirectoryEntry, type FileHost, type FileRead } from '../service/index';
import { filePath } from './uri';

/** `.env`, override and included files are small; a bigger file is refused rather than read. */
export const MAX_PROJECT_FILE_BYTES = 4 * 1024 * 1024;

export class LspFileHost implements FileHost {
  private roots: readonly string[] = [];
  private buffers: TextDocuments<TextDocument> | undefined;

  /** The open documents, whose text wins over the disk. */
  setBuffers(buffers: TextDocuments<TextDocument>): void {
    this.buffers = buffers;
  }

  /** The workspace folders (absolute paths) the disk may be read in. */
  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((root) => root.replace(/\/+$/, ''));
  }

  read(path: string): FileRead {
    const open = this.openBuffer(path);
    if (open !== undefined) return { kind: 'text', text: open };
    try {
      if (!this.inside(path)) return { kind: 'refused', reason: 'it is outside the workspace folders' };
      // Stat before opening: opening a FIFO would block until someone writes to it.
      const stats = statSync(path, { throwIfNoEntry: false });
      if (!stats) return { kind: 'missing' };
      if (!stats.isFile()) return { kind: 'refused', reason: stats.isDirectory() ? 'it is a folder' : 'it is not a regular file' };
      // A symbolic link may point out of the workspace: judge where it leads.
      if (!this.inside(realpathSync(path).replace(/\\/g, '/'))) return { kind: 'refused', reason: 'it links outside the workspace folders' };
      return readBounded(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'refused', reason: `it cannot be read (${code ?? 'error'})` };
    }
  }

  /** The folder's entries on disk plus open documents in it that are not saved yet (a new compose.yaml). */
  list(path: string): readonly DirectoryEntry[] | undefined {
    if (!this.inside(path)) return undefined;
    const entries = new Map<string, DirectoryEntry>();
    let listed = false;
    try {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        if (entry.isFile() || entry.isDirectory()) entries.set(entry.name, { name: entry.name, kind: entry.isFile() ? 'file' : 'directory' });
      }
      listed = true;
    } catch {
      // A folder that is gone or unreadable still holds the open documents in it.
    }
    for (const document of this.buffers?.all() ?? []) {
      const file = filePath(document.uri);
      if (file?.startsWith(`${path}/`) && !file.slice(path.length + 1).includes('/')) entries.set(file.slice(path.length + 1), { name: file.slice(path.length + 1), kind: 'file' });
    }
    if (!listed && entries.size === 0) return undefined;
    return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private openBuffer(path: string): string | undefined {
    for (const document of this.buffers?.all() ?? []) if (filePath(document.uri) === path) return document.getText();
    return undefined;
  }

  private inside(path: string): boolean {
    return this.roots.some((root) => path === root || path.startsWith(`${root}/`));
  }
}

/** Reads a regular file of at most the size bound; non-blocking, and checked again on the open descriptor. */
function readBounded(path: string): FileRead {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'refused', reason: 'it is not a regular file' };
    if (stats.size > MAX_PROJECT_FILE_BYTES) return { kind: 'refused', reason: `it is larger than ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB` };
    const buffer = Buffer.alloc(stats.size);
    const length = readSync(fd, buffer, 0, stats.size, 0);
    return decodeBytes(buffer.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}
