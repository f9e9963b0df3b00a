/**
 * Finds the configuration that applies to a file: the nearest `.shipshape.yaml`, `.shipshape.yml` or
 * `package.json` with a `shipshape` key, from the file's folder upwards, as ESLint and Prettier look
 * theirs up. The search stops at the repository root (a folder holding `.git`, a folder or a worktree's
 * file), at a boundary the binding names (the editor's workspace folders) and at the file system root.
 * Everything is read through the FileHost; lookups and parses are kept until `clear()` (the editor calls it
 * when such a file changes on disk), so checking a file costs no reads once its folder is known.
 */
import { dirname, type FileHost } from '../host';
import { readConfig, type ConfigFile } from './configFile';

/** The names looked for in each folder, the first found winning. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.shipshape.yaml', '.shipshape.yml', 'package.json'];

export class ConfigLookup {
  /** Folder → the configuration that applies in it (null: none). */
  private readonly byFolder = new Map<string, ConfigFile | null>();
  /** Path → its last parse, reused while the text is the same. */
  private readonly parsed = new Map<string, { readonly text: string; readonly file: ConfigFile | undefined }>();

  constructor(
    private readonly host: FileHost,
    /** Folders the search does not go above (the editor's workspace folders). */
    private readonly isBoundary: (folder: string) => boolean = () => false,
  ) {}

  /** The configuration for the file at absolute `path`, or undefined when no folder up to the root has one. */
  forFile(path: string): ConfigFile | undefined {
    return this.forFolder(dirname(path)) ?? undefined;
  }

  /** The configuration file at `path` (`--config`), or why it cannot be used. */
  load(path: string): ConfigFile | { readonly problem: string } {
    const read = this.host.read(path);
    if (read.kind === 'missing') return { problem: 'no such file' };
    if (read.kind === 'refused') return { problem: read.reason };
    return this.parse(path, read.text) ?? { problem: "this package.json has no 'shipshape' key" };
  }

  /** Forgets every lookup and parse (a configuration file was created, changed or deleted). */
  clear(): void {
    this.byFolder.clear();
    this.parsed.clear();
  }

  private forFolder(start: string): ConfigFile | null {
    // Iterative: the folders visited on the way up all get the answer found at the top.
    const visited: string[] = [];
    let found: ConfigFile | null = null;
    for (let folder = start; ; folder = dirname(folder)) {
      const known = this.byFolder.get(folder);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(folder);
      const entries = this.host.list(folder);
      // A folder the host may not list (outside the workspace) ends the search.
      if (entries === undefined) break;
      const names = new Set(entries.map((item) => item.name));
      found = this.inFolder(folder, names);
      if (found || names.has('.git') || this.isBoundary(folder) || folder === '/') break;
    }
    for (const folder of visited) this.byFolder.set(folder, found);
    return found;
  }

  private inFolder(folder: string, names: ReadonlySet<string>): ConfigFile | null {
    for (const name of CONFIG_FILE_NAMES) {
      if (!names.has(name)) continue;
      const path = folder === '/' ? `/${name}` : `${folder}/${name}`;
      const read = this.host.read(path);
      const file = read.kind === 'text' ? this.parse(path, read.text) : undefined;
      // A package.json without the key configures nothing: the search goes on above it.
      if (file) return file;
    }
    return null;
  }

  private parse(path: string, text: string): ConfigFile | undefined {
    const last = this.parsed.get(path);
    if (last?.text === text) return last.file;
    const file = readConfig(path, text);
    this.parsed.set(path, { text, file });
    return file;
  }
}
