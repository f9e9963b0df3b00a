/**
 * The Compose and stack files of the workspace, for workspace symbols: found by a bounded walk of the
 * workspace folders (skipping hidden folders and node_modules), read through the file host (so open
 * buffers win and the size bounds hold), parsed once per distinct text.
 */
import { readdirSync } from 'node:fs';
import { looksLikeCompose, mayBeStackFile, stackModeFor, type ComposeDocument, type FileHost, type LanguageService } from '../service/index';

/** Bounds that keep a query quick in a huge monorepo: the walk stops there (a partial answer beats a hang). */
const MAX_DEPTH = 6;
const MAX_FOLDERS = 2000;
const MAX_FILES = 300;

const COMPOSE_NAME = /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i;

export class WorkspaceFiles {
  private readonly parsed = new Map<string, { readonly text: string; readonly doc: ComposeDocument }>();

  constructor(
    private readonly service: LanguageService,
    private readonly host: FileHost,
    private readonly roots: () => readonly string[],
    private readonly stackPatterns: () => readonly string[] | undefined,
  ) {}

  /** Every Compose file found, parsed; files that do not look like Compose (a Haskell `stack.yaml`) are left out. */
  documents(): { readonly path: string; readonly doc: ComposeDocument }[] {
    const result: { path: string; doc: ComposeDocument }[] = [];
    const seen = new Set<string>();
    for (const path of this.find()) {
      const read = this.host.read(path);
      if (read.kind !== 'text') continue;
      seen.add(path);
      let entry = this.parsed.get(path);
      if (entry?.text !== read.text) {
        entry = { text: read.text, doc: this.service.parse(read.text, stackModeFor(path, undefined, this.stackPatterns())) };
        this.parsed.set(path, entry);
      }
      if (looksLikeCompose(entry.doc)) result.push({ path, doc: entry.doc });
    }
    for (const path of this.parsed.keys()) if (!seen.has(path)) this.parsed.delete(path);
    return result;
  }

  private find(): string[] {
    const files: string[] = [];
    const queue = this.roots().map((root) => ({ folder: root, depth: 0 }));
    let folders = 0;
    while (queue.length > 0 && folders < MAX_FOLDERS && files.length < MAX_FILES) {
      const { folder, depth } = queue.shift()!;
      folders++;
      let entries;
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const path = `${folder}/${entry.name}`;
        if (entry.isDirectory() && depth < MAX_DEPTH && !entry.name.startsWith('.') && entry.name !== 'node_modules') queue.push({ folder: path, depth: depth + 1 });
        else if (entry.isFile() && (COMPOSE_NAME.test(entry.name) || mayBeStackFile(path) || stackModeFor(path, undefined, this.stackPatterns()).stackBySetting === true)) files.push(path);
      }
    }
    return files.sort();
  }
}
