/**
 * The CLI's FileHost: the disk, read-only, regular files only and each read bounded (readFile.ts), so a
 * configuration or project file that is a FIFO or a device cannot block or exhaust `shipshape check`.
 */
import { readdirSync } from 'node:fs';
import type { DirectoryEntry, FileHost, FileRead } from '../service/index';
import { readBounded } from './readFile';

/** Files the CLI reads beside the checked ones (configuration, env files) are small. */
const MAX_SIDE_FILE_BYTES = 4 * 1024 * 1024;

export const DISK_HOST: FileHost = {
  read: (path: string): FileRead => readBounded(path, MAX_SIDE_FILE_BYTES),
  list: (path: string): readonly DirectoryEntry[] | undefined => {
    try {
      return readdirSync(path, { withFileTypes: true })
        .filter((entry) => entry.isFile() || entry.isDirectory())
        .map((entry): DirectoryEntry => ({ name: entry.name, kind: entry.isFile() ? 'file' : 'directory' }));
    } catch {
      return undefined;
    }
  },
};
