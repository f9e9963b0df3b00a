/**
 * How the core sees files other than the document it was handed: `.env`, override and included Compose
 * files, Dockerfiles, folders for path completion. The core never touches the file system itself; the
 * binding injects a host (the LSP server: open editor buffers first, then the disk inside the workspace;
 * the CLI: the disk under the project directory; tests: an in-memory map).
 *
 * Paths are absolute and use `/` as separator on every platform (the binding converts URIs and Windows
 * paths at the edge), so path arithmetic in the core is plain string work.
 */

/**
 * How a file's bytes hold its text (encoding.ts): YAML files may be UTF-16 with a byte order mark, which
 * Docker's YAML parser reads; env files and Dockerfiles may not, as Docker reads those as UTF-8 only.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** What reading one path gave. Every refusal carries a sentence fit to show the user. */
export type FileRead =
  /** `encoding` is absent for text that was never bytes (an open editor buffer, a test's map). */
  | { readonly kind: 'text'; readonly text: string; readonly encoding?: TextEncoding }
  | { readonly kind: 'missing' }
  /** Exists but may not or cannot be read: outside the workspace, a device or FIFO, too large, binary. */
  | { readonly kind: 'refused'; readonly reason: string };

export interface DirectoryEntry {
  readonly name: string;
  readonly kind: 'file' | 'directory';
}

export interface FileHost {
  /** Reads a file, bounded by the host's size limit. Never throws. */
  read(path: string): FileRead;
  /** The entries of a folder, or undefined when it is missing or may not be listed. Never throws. */
  list(path: string): readonly DirectoryEntry[] | undefined;
}

/** A host with no files: what a lone document sees (every read is `missing`). */
export const NO_FILES: FileHost = { read: () => ({ kind: 'missing' }), list: () => undefined };

/** A host over a map from absolute path to text, for tests and for callers that hold the files already. */
export function memoryHost(files: ReadonlyMap<string, string> | Record<string, string>): FileHost {
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  return {
    read: (path) => {
      const text = map.get(path);
      return text === undefined ? { kind: 'missing' } : { kind: 'text', text };
    },
    list: (path) => {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const entries = new Map<string, DirectoryEntry['kind']>();
      for (const file of map.keys()) {
        if (!file.startsWith(prefix)) continue;
        const rest = file.slice(prefix.length);
        const slash = rest.indexOf('/');
        entries.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'directory');
      }
      if (entries.size === 0) return undefined;
      return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, kind]) => ({ name, kind }));
    },
  };
}

/** The folder part of an absolute `/`-separated path (`/a/b/compose.yaml` → `/a/b`). */
export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/**
 * Resolves `relative` against the folder `base` as a shell would (`.` and `..` segments folded; an absolute
 * `relative` stands alone). A leading `~` is not expanded: the core knows no home folder.
 */
export function resolvePath(base: string, relative: string): string {
  const parts = relative.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
