/**
 * Completion of local files and folders in the keys that name them (`env_file`, `label_file`,
 * `build`/`build.context` (folders), `build.dockerfile` (against the context), `extends.file`,
 * `configs`/`secrets` `file`, `include`, bind-mount sources), one folder level at a time through the
 * host, resolved as compose-go resolves them (see localFiles.ts). A folder is inserted with its `/`
 * and asks the client to complete again, so the user walks down level by level.
 */
import { dirname, resolvePath, type FileHost } from '../../host';
import type { ComposeDocument } from '../../parse/model';
import type { CursorContext, YamlPath } from '../../parse/path';
import { get, text } from '../../parse/tree';
import { buildFiles, isLocalPath } from '../localFiles';
import type { CompletionItem } from './item';

/** The document's absolute path and the host that lists folders; without a path there is no path completion. */
export interface FileCompletionContext {
  readonly host: FileHost;
  readonly path: string;
}

/** A folder listing bigger than this is cut: completion is for picking, not browsing. */
const MAX_ENTRIES = 300;

interface PathValue {
  /** The folder relative paths start from. */
  readonly base: string;
  readonly foldersOnly: boolean;
  /** A short-syntax volume (`./src:/app`): only the part before the first colon is a path. */
  readonly shortMount: boolean;
}

/** Files and folders for the path being typed at `offset`, or undefined when the cursor is on no file-valued key. */
export function pathItems(doc: ComposeDocument, cursor: CursorContext, offset: number, files: FileCompletionContext): CompletionItem[] | undefined {
  if (cursor.role !== 'value') return undefined;
  const value = pathValue(doc, cursor.path, dirname(files.path));
  if (!value) return undefined;
  const node = cursor.node?.kind === 'scalar' && cursor.node.style !== 'block' ? cursor.node : undefined;
  const quoted = node?.style === 'single' || node?.style === 'double' ? 1 : 0;
  const start = node && node.span.end > node.span.start ? node.span.start + quoted : cursor.span.start;
  if (offset < start) return undefined;
  const typed = doc.text.slice(start, offset);
  if (typed.includes('\n') || !isLocalPath(typed)) return undefined;
  // A short volume names a named volume unless it starts like a path; past its colon it is the target.
  if (value.shortMount && (!/^[./]/.test(typed) || typed.includes(':'))) return undefined;
  const slash = typed.lastIndexOf('/');
  const prefix = typed.slice(slash + 1);
  const entries = files.host.list(resolvePath(value.base, slash < 0 ? '.' : typed.slice(0, slash + 1))) ?? [];
  const span = { start: offset - prefix.length, end: segmentEnd(doc.text, offset, node ? node.span.end - quoted : offset, value.shortMount) };
  const items: CompletionItem[] = [];
  for (const entry of entries) {
    if (items.length >= MAX_ENTRIES) break;
    if (value.foldersOnly && entry.kind !== 'directory') continue;
    const folder = entry.kind === 'directory';
    items.push({ label: folder ? `${entry.name}/` : entry.name, kind: folder ? 'folder' : 'file', insertText: folder ? `${entry.name}/` : entry.name, snippet: false, span, retrigger: folder });
  }
  return items;
}

/** What the value at `path` names, when it names a local file or folder. */
function pathValue(doc: ComposeDocument, path: YamlPath, folder: string): PathValue | undefined {
  const any = { base: folder, foldersOnly: false, shortMount: false };
  const [section, name, key, ...rest] = path;
  if ((section === 'configs' || section === 'secrets') && key === 'file' && rest.length === 0) return any;
  if (section === 'include') return (name !== undefined && key === undefined) || (key === 'path' && rest.length <= 1) ? any : undefined;
  if (section !== 'services' || typeof name !== 'string') return undefined;
  const shape = rest.map((segment) => (typeof segment === 'number' ? 'n' : segment)).join('.');
  switch (key) {
    case 'env_file':
      return shape === '' || shape === 'n' || shape === 'n.path' ? any : undefined;
    case 'label_file':
      return shape === '' || shape === 'n' ? any : undefined;
    case 'extends':
      return shape === 'file' ? any : undefined;
    case 'build': {
      if (shape === '' || shape === 'context') return { ...any, foldersOnly: true };
      if (shape !== 'dockerfile') return undefined;
      const context = buildFiles(get(doc.model.services.get(name)?.node, 'build'), folder)?.context;
      return context === undefined ? undefined : { ...any, base: context };
    }
    case 'volumes': {
      if (shape === 'n') return { ...any, shortMount: true };
      const item = typeof rest[0] === 'number' ? volumeItem(doc, name, rest[0]) : undefined;
      return shape === 'n.source' && text(get(item, 'type')) === 'bind' ? any : undefined;
    }
    default:
      return undefined;
  }
}

function volumeItem(doc: ComposeDocument, service: string, index: number) {
  const volumes = get(doc.model.services.get(service)?.node, 'volumes');
  return volumes?.kind === 'seq' ? volumes.items[index] : undefined;
}

/** Where the path segment under the cursor ends: the next `/` (or a short mount's `:`), or the value's end. */
function segmentEnd(text: string, offset: number, contentEnd: number, shortMount: boolean): number {
  let end = offset;
  while (end < contentEnd && text[end] !== '/' && !(shortMount && text[end] === ':')) end++;
  return end;
}
