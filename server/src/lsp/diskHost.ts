/**
 * The language server's FileHost until the project model's host lands: the disk, limited to the
 * workspace folders, to regular files of at most 1 MB that are not binary. Enough for links, path
 * completion and Dockerfile stages; never follows a read outside the workspace.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import type { DirectoryEntry, FileHost, FileRead } from '../service/host';

const MAX_BYTES = 1024 * 1024;

export function diskHost(roots: () => readonly string[]): FileHost {
  const inside = (path: string): boolean => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      real = path;
    }
    return roots().some((root) => real === root || real.startsWith(root.endsWith('/') ? root : `${root}/`));
  };
  return {
    read(path): FileRead {
      if (!inside(path)) return { kind: 'refused', reason: `${path} is outside the workspace.` };
      let fd: number;
      try {
        fd = openSync(path, 'r');
      } catch {
        return { kind: 'missing' };
      }
      try {
        const stat = fstatSync(fd);
        if (!stat.isFile()) return { kind: 'refused', reason: `${path} is not a regular file.` };
        if (stat.size > MAX_BYTES) return { kind: 'refused', reason: `${path} is larger than 1 MB.` };
        const buffer = Buffer.alloc(stat.size);
        const length = readSync(fd, buffer, 0, stat.size, 0);
        if (buffer.subarray(0, length).includes(0)) return { kind: 'refused', reason: `${path} is a binary file.` };
        return { kind: 'text', text: buffer.toString('utf8', 0, length) };
      } catch {
        return { kind: 'refused', reason: `${path} could not be read.` };
      } finally {
        closeSync(fd);
      }
    },
    list(path): readonly DirectoryEntry[] | undefined {
      if (!inside(path)) return undefined;
      try {
        return readdirSync(path, { withFileTypes: true })
          .filter((entry) => entry.isFile() || entry.isDirectory())
          .map((entry): DirectoryEntry => ({ name: entry.name, kind: entry.isDirectory() ? 'directory' : 'file' }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        return undefined;
      }
    },
  };
}
