/**
 * The effective model of a Compose project, built as compose-go `loader/loader.go` (`loadYamlModel`,
 * `loadYamlFile`) builds it: each file interpolated with the project's environment, its `include`s
 * loaded as projects of their own and imported under it (`loader/include.go`), its `extends` resolved
 * (`loader/extends.go`), then merged onto the files before it (`override/merge.go`). Every file is placed
 * in one offset space (layout.ts), so each node of the result still says where it was written.
 */
import { dirname, resolvePath } from '../host';
import { projectDocument, type ComposeDocument } from '../parse/model';
import { asMap, entryOf, get, indexOf, listItems, mapNode, text, type Node } from '../parse/tree';
import type { Finding, Span } from '../types';
import type { Environment } from './environment';
import { resolveExtends } from './extends';
import { Layout, placeDocuments, Slots, type PlacedFile } from './layout';
import { mergeFiles } from './merge';
import type { ProjectSpec } from './discovery';

/** A Compose file as the project reads it: parsed, its project's environment applied. */
export interface ProjectFile {
  readonly path: string;
  /** The file's own document with the environment applied (its own offsets). */
  readonly doc: ComposeDocument;
  /** The environment applied (an included project's differs from the including one's). */
  readonly environment: Environment;
}

/** How the effective model reaches files: the project keeps the caches and the environments. */
export interface ProjectLoader {
  /** The file at `path` with `environment` applied, or why it cannot be read. */
  file(path: string, environment: Environment): ProjectFile | { readonly problem: string; readonly refused?: boolean };
  /** The environment of an included project: its env files under the including project's variables. */
  includedEnvironment(parent: Environment, envFiles: readonly string[], required: boolean): Environment;
}

export interface EffectiveProject {
  /** The project's environment the model was built with. */
  readonly environment: Environment;
  readonly layout: Layout;
  /** The merged model; its `text` is the layout's, so its spans map back to files through `layout`. */
  readonly doc: ComposeDocument;
  /** Every file placed, in placement order (a file included twice appears twice). */
  readonly files: readonly ProjectFile[];
  /** Problems found while resolving `include` and `extends`, in the shared offset space. */
  readonly findings: readonly Finding[];
}

const INCLUDE_DOCS = 'https://docs.docker.com/reference/compose-file/include/';
/** The sections `include` imports (compose-go `importResources`). */
const IMPORTED_SECTIONS = new Set(['services', 'volumes', 'networks', 'secrets', 'configs', 'models']);
/** Nested includes beyond this are cut off (a cycle through many files is reported before). */
const MAX_INCLUDE_DEPTH = 32;

/** `slots` keeps where each file went in the previous version of the same project (see layout.ts). */
export function effectiveProject(spec: ProjectSpec, environment: Environment, loader: ProjectLoader, slots: Slots = new Slots()): EffectiveProject {
  slots.begin();
  const builder = new Builder(loader, slots);
  const root = builder.project(spec, environment, [], undefined);
  slots.commit();
  const layout = new Layout(builder.places);
  const documents = [{ root, span: { start: 0, end: layout.text.length } }];
  const doc = projectDocument(layout.text, 'compose', documents, { whole: !builder.incomplete });
  return { environment, layout, doc, files: builder.placed, findings: builder.findings };
}

class Builder {
  readonly placed: ProjectFile[] = [];
  readonly places: PlacedFile[] = [];
  readonly findings: Finding[] = [];
  /** Set when part of the project cannot be seen (a remote include): undefined names may live there. */
  incomplete = false;
  /** Files read for `extends: {file}`, by path. */
  private readonly extended = new Map<string, { readonly path: string; readonly root: Node | undefined } | { readonly problem: string }>();

  constructor(private readonly loader: ProjectLoader, private readonly slots: Slots) {}

  /** The merged root of a project's files; `chain` holds the files including it (for cycles). */
  project(spec: ProjectSpec, environment: Environment, chain: readonly string[], at: Span | undefined): Node | undefined {
    let merged: Node | undefined;
    for (const path of spec.files) {
      const file = this.loader.file(path, environment);
      if ('problem' in file) {
        this.problem(at, 'project-file-unreadable', `${path} cannot be read: ${file.problem}.`);
        continue;
      }
      for (const document of this.place(file)) {
        if (!document.root) continue;
        let layer = this.includes(document.root, spec, environment, [...chain, path]);
        layer = this.extend(layer, file.path, environment);
        merged = merged === undefined ? layer : mergeFiles(merged, layer);
      }
    }
    return merged;
  }

  /** Places a file after the ones before it and moves its trees there. */
  private place(file: ProjectFile) {
    const place = this.slots.place(file.path, file.doc.text);
    this.placed.push(file);
    this.places.push(place);
    return placeDocuments(file.doc.documents, place.base);
  }

  /** The file's root with the resources of each project it includes imported under its own. */
  private includes(root: Node, spec: ProjectSpec, environment: Environment, chain: readonly string[]): Node {
    const include = get(root, 'include');
    if (!include) return root;
    let imported: Node | undefined;
    for (const item of listItems(include)) {
      const included = this.includedProject(item, spec.directory, environment, chain);
      if (included) imported = imported === undefined ? included : mergeFiles(imported, included);
    }
    return imported ? mergeFiles(importedSections(imported), root) ?? root : root;
  }

  private includedProject(item: Node, directory: string, environment: Environment, chain: readonly string[]): Node | undefined {
    const pathNode = item.kind === 'scalar' ? item : get(item, 'path');
    const pathNodes = pathNode?.kind === 'seq' ? pathNode.items : pathNode ? [pathNode] : [];
    const written = pathNodes.flatMap((node) => {
      const value = text(node);
      return value === undefined ? [] : [{ node, value }];
    });
    const first = written[0];
    if (!first) return undefined;
    if (written.some(({ value }) => isRemote(value))) {
      this.incomplete = true;
      this.findings.push({ code: 'include-remote-skipped', severity: 'information', span: first.node.span, docUrl: INCLUDE_DOCS, message: 'Shipshape does not fetch remote includes, so names this project declares are not checked.' });
      return undefined;
    }
    if (chain.length >= MAX_INCLUDE_DEPTH) return undefined;
    const files = written.map(({ value }) => resolvePath(directory, value));
    const cycle = files.find((file) => chain.includes(file));
    if (cycle) {
      const node = written[files.indexOf(cycle)]!.node;
      this.findings.push({ code: 'include-cycle', severity: 'error', span: node.span, docUrl: INCLUDE_DOCS, message: `Include cycle: ${[...chain, cycle].map(baseName).join(' → ')} (Compose refuses the project).` });
      return undefined;
    }
    const projectDirectory = text(get(item, 'project_directory'));
    const includedDirectory = projectDirectory ? resolvePath(directory, projectDirectory) : dirname(files[0]!);
    const envFileNodes = listItems(get(item, 'env_file'));
    const envFiles = envFileNodes.length > 0
      ? envFileNodes.flatMap((node) => { const value = text(node); return value === undefined || value === '/dev/null' ? [] : [resolvePath(directory, value)]; })
      : [resolvePath(includedDirectory, '.env')];
    const included = this.loader.includedEnvironment(environment, envFiles, envFileNodes.length > 0);
    for (const [index, { node, value }] of written.entries()) {
      const read = this.loader.file(files[index]!, included);
      if (!('problem' in read)) continue;
      this.findings.push({ code: 'include-file-unreadable', severity: 'error', span: node.span, docUrl: INCLUDE_DOCS, message: `The included file ${value} cannot be read: ${read.problem}.` });
      return undefined;
    }
    return this.project({ directory: includedDirectory, files, origin: 'explicit' }, included, chain, first.node.span);
  }

  /** Resolves `extends`, loading `file:` bases relative to the file that names them (a base may extend another file). */
  private extend(root: Node, path: string, environment: Environment): Node {
    // Bases the host may not read (outside the workspace) are unknown, not broken: a note, not an error.
    const refused = new Set<number>();
    const resolved = resolveExtends(root, path, (file, at) => {
      const target = resolvePath(dirname(this.pathAt(at.start) ?? path), file);
      const known = this.extended.get(target);
      if (known) return known;
      const loaded = this.loader.file(target, environment);
      if ('problem' in loaded && loaded.refused) refused.add(at.start);
      // A file many services extend is placed once.
      const result = 'problem' in loaded ? { problem: loaded.problem } : { path: target, root: this.place(loaded)[0]?.root };
      this.extended.set(target, result);
      return result;
    });
    for (const finding of resolved.findings) {
      const unseen = finding.code === 'extends-file-unreadable' && refused.has(finding.span.start);
      if (unseen) this.incomplete = true;
      this.findings.push(unseen ? { ...finding, severity: 'information' } : finding);
    }
    return resolved.root ?? root;
  }

  /** The placed file an offset of the shared space lies in. */
  private pathAt(offset: number): string | undefined {
    let found: string | undefined;
    for (const place of this.places) if (place.base <= offset) found = place.path;
    return found;
  }

  private problem(at: Span | undefined, code: string, message: string): void {
    this.findings.push({ code, severity: 'error', span: at ?? { start: 0, end: 0 }, message });
  }
}

/** Only the resource sections of an included project's model (compose-go imports no other key). */
function importedSections(root: Node): Node {
  const map = asMap(root);
  if (!map) return root;
  const entries = map.entries.filter((entry) => IMPORTED_SECTIONS.has(entry.key)).map((entry) => entryOf(entry.key, entry.keySpan, entry.value, entry.via));
  return mapNode(map.span, map.via, map.tag, entries, indexOf(entries));
}

/** compose-go's remote loaders: git repositories and OCI artifacts. */
function isRemote(path: string): boolean {
  return /^(?:oci:\/\/|git@|[a-z][a-z0-9+.-]*:\/\/)/i.test(path);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
