/**
 * `extends` resolved for every service of one Compose file, as compose-go `loader/extends.go` does it:
 * the base (same file, or `{file, service}` in another file) is resolved first, recursively, then the
 * service is merged over it (`mergeServices`, compose-go `override.ExtendService`). Everything of the
 * base is inherited: compose-go keeps no list of exceptions. Relative paths of a base from another file
 * are read from that file's folder (compose-go `paths.ResolveRelativePaths` on the extended file):
 * `build` context, `env_file` and bind-mount sources are rebased here.
 *
 * The file access is the caller's (`load`, which also caches); a node from another file keeps its own
 * span, and the caller knows which file a span is in. The `extends` key stays in the service, for
 * hovers; compose-go deletes it once applied. Chains are followed iteratively, so a long chain cannot
 * overflow the stack; each service is resolved once.
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import { dirname, resolvePath } from '../host';
import { entryOf, get, indexOf, mapNode, scalarNode, seqNode, text, type Entry, type MapNode, type Node } from '../parse/tree';
import type { Finding, Span } from '../types';
import { mergeServices } from './merge';

/** Reads the file an `extends.file` names (as written, `at` its value), relative to the extending file. */
export type ExtendsLoader = (file: string, at: Span) => { readonly path: string; readonly root: Node | undefined } | { readonly problem: string };

export interface ResolvedExtends {
  /** The file's root with every service merged over its base; the same object when nothing extends. */
  readonly root: Node | undefined;
  readonly findings: readonly Finding[];
}

const DOC_URL = composeFileDoc('services', 'extends');

/** Resolves `extends` in `root`, the file at `path`. */
export function resolveExtends(root: Node | undefined, path: string, load: ExtendsLoader): ResolvedExtends {
  const services = get(root, 'services');
  if (root?.kind !== 'map' || services?.kind !== 'map') return { root, findings: [] };
  const resolver = new Resolver({ path, services }, load);
  const entries = services.entries.map((entry): Entry => {
    const resolved = resolver.resolve({ path, services }, entry.key, entry.value);
    return resolved === entry.value ? entry : entryOf(entry.key, entry.keySpan, resolved, entry.via);
  });
  if (entries.every((entry, i) => entry === services.entries[i])) return { root, findings: resolver.findings };
  const resolvedServices = mapNode(services.span, services.via, services.tag, entries, services.index);
  const rootEntries = root.entries.map((entry) => (entry.value === services ? entryOf(entry.key, entry.keySpan, resolvedServices, entry.via) : entry));
  return { root: mapNode(root.span, root.via, root.tag, rootEntries, root.index), findings: resolver.findings };
}

interface ServicesOf {
  readonly path: string;
  readonly services: MapNode | undefined;
}

/** One step of a chain: the service at `name` in `file`, and the `extends` value it is written with. */
interface Step {
  readonly file: ServicesOf;
  readonly name: string;
  readonly service: MapNode;
  readonly extendsNode: Node;
}

interface Target {
  readonly file: ServicesOf;
  readonly name: string;
}

class Resolver {
  readonly findings: Finding[] = [];
  /** Resolved services by file and name. */
  private readonly resolved = new Map<string, Node>();
  private readonly reportedCycles = new Set<string>();

  constructor(
    private readonly root: ServicesOf,
    private readonly load: ExtendsLoader,
  ) {}

  /** The service `name` of `file` merged over its bases. */
  resolve(file: ServicesOf, name: string, service: Node): Node {
    const chain: Step[] = [];
    const onChain = new Map<string, number>();
    let current: Target | undefined = { file, name };
    let node: Node | undefined = service;
    // The resolved base the chain ends on, and the file it is in.
    let base: { readonly node: Node; readonly path: string } | undefined;
    while (current && node) {
      const key = keyOf(current);
      const done = this.resolved.get(key);
      if (done) {
        base = { node: done, path: current.file.path };
        break;
      }
      const cycleStart = onChain.get(key);
      if (cycleStart !== undefined) {
        this.reportCycle(chain.slice(cycleStart));
        break;
      }
      const extendsNode = get(node, 'extends');
      if (node.kind !== 'map' || !extendsNode) {
        base = { node, path: current.file.path };
        break;
      }
      onChain.set(key, chain.length);
      chain.push({ file: current.file, name: current.name, service: node, extendsNode });
      current = this.target(current.file, extendsNode);
      node = current && get(current.file.services, current.name);
    }
    // Fold back: each service over the resolution of the one it extends.
    for (let i = chain.length - 1; i >= 0; i--) {
      const step = chain[i]!;
      const merged = base ? mergeServices(rebased(withoutExtends(base.node), base.path, step.file.path), step.service) : step.service;
      this.resolved.set(keyOf(step), merged);
      base = { node: merged, path: step.file.path };
    }
    return base?.node ?? service;
  }

  /** The service an `extends` value names; undefined (with a finding for another file) when there is none. */
  private target(file: ServicesOf, extendsNode: Node): Target | undefined {
    const serviceNode = extendsNode.kind === 'map' ? get(extendsNode, 'service') : extendsNode;
    const name = text(serviceNode);
    const fileNode = get(extendsNode, 'file');
    const written = text(fileNode);
    if (name === undefined || !serviceNode) return undefined;
    // A missing service in the same file is the single-file `extends-undefined`.
    if (written === undefined || !fileNode) return get(file.services, name) ? { file, name } : undefined;
    const loaded = this.load(written, fileNode.span);
    if ('problem' in loaded) {
      this.findings.push({ code: 'extends-file-unreadable', severity: 'error', message: `The extends file ${written} cannot be read: ${loaded.problem}.`, span: fileNode.span, docUrl: DOC_URL });
      return undefined;
    }
    const services = get(loaded.root, 'services');
    const other = { path: loaded.path, services: services?.kind === 'map' ? services : undefined };
    if (!get(other.services, name)) {
      this.findings.push({
        code: 'extends-service-missing',
        severity: 'error',
        message: `${written} has no service '${name}' to extend; Compose refuses the file.`,
        span: serviceNode.span,
        docUrl: DOC_URL,
      });
      return undefined;
    }
    return { file: other, name };
  }

  /**
   * A cycle that goes through another file (same-file cycles are the single-file `extends-cycle`):
   * reported once, on the first step in this file if there is one, with every step as related.
   */
  private reportCycle(cycle: readonly Step[]): void {
    if (!cycle.some((step) => get(step.extendsNode, 'file') !== undefined)) return;
    const keys = cycle.map(keyOf);
    const id = [...keys].sort()[0]!;
    if (this.reportedCycles.has(id)) return;
    this.reportedCycles.add(id);
    const start = Math.max(0, cycle.findIndex((step) => step.file.path === this.root.path));
    const steps = [...cycle.slice(start), ...cycle.slice(0, start)];
    const names = steps.map((step) => this.describe(step));
    const chain = [...names, names[0]!].join(' → ');
    this.findings.push({
      code: 'extends-cycle',
      severity: 'error',
      message: `Circular reference in extends: ${chain}. Compose refuses the file.`,
      span: steps[0]!.extendsNode.span,
      related: steps.map((step, i) => ({ span: step.extendsNode.span, message: `'${step.name}' extends '${steps[(i + 1) % steps.length]!.name}'` })),
      docUrl: DOC_URL,
    });
  }

  /** `web`, or `base (other.yaml)` for a service of another file (its path from this file's folder when inside it). */
  private describe(step: Step): string {
    if (step.file.path === this.root.path) return step.name;
    const folder = `${dirname(this.root.path)}/`;
    return `${step.name} (${step.file.path.startsWith(folder) ? step.file.path.slice(folder.length) : step.file.path})`;
  }
}

function keyOf(target: Target): string {
  return `${target.file.path}\n${target.name}`;
}

/** A resolved base without its own `extends`: the service's `extends` is the one that stays. */
function withoutExtends(service: Node): Node {
  if (service.kind !== 'map' || !service.index.has('extends')) return service;
  const entries = service.entries.filter((entry) => entry.key !== 'extends');
  return mapNode(service.span, service.via, service.tag, entries, indexOf(entries));
}

/**
 * `service` from the file at `from` as seen from the file at `to`: relative `build` contexts, env files
 * and bind-mount sources made absolute against `from`'s folder (compose-go `paths.ResolveRelativePaths`:
 * `absContextPath`, `absPath`, `absVolumeMount`). Remote contexts (`https://`, `git@`, `docker-image://`
 * and other `scheme://` forms, `service:`) and `~` paths are left as they are.
 */
function rebased(service: Node, from: string, to: string): Node {
  if (from === to || service.kind !== 'map') return service;
  const folder = dirname(from);
  const entries = service.entries.map((entry): Entry => {
    const value = rebaseKey(entry.key, entry.value, folder);
    return value === entry.value ? entry : entryOf(entry.key, entry.keySpan, value, entry.via);
  });
  return entries.every((entry, i) => entry === service.entries[i]) ? service : mapNode(service.span, service.via, service.tag, entries, service.index);
}

function rebaseKey(key: string, value: Node, folder: string): Node {
  switch (key) {
    case 'build':
      return value.kind === 'map' ? withEntry(value, 'context', (context) => rebasePath(context, folder, isLocalContext)) : rebasePath(value, folder, isLocalContext);
    case 'env_file':
      return mapItems(value, (item) => (item.kind === 'map' ? withEntry(item, 'path', (path) => rebasePath(path, folder, isRelative)) : rebasePath(item, folder, isRelative)));
    case 'volumes':
      return mapItems(value, (item) => (item.kind === 'map' ? (text(get(item, 'type')) === 'bind' ? withEntry(item, 'source', (source) => rebasePath(source, folder, isRelative)) : item) : rebaseShortVolume(item, folder)));
    default:
      return value;
  }
}

/** A short volume `./data:/data[:ro]`: a source starting with `.` is a bind mount relative to the file. */
function rebaseShortVolume(item: Node, folder: string): Node {
  const value = item.kind === 'scalar' && !item.interpolation ? text(item) : undefined;
  if (value === undefined || !value.startsWith('.')) return item;
  const colon = value.indexOf(':');
  const source = colon < 0 ? value : value.slice(0, colon);
  return withValue(item, resolvePath(folder, source) + (colon < 0 ? '' : value.slice(colon)));
}

function rebasePath(node: Node, folder: string, local: (path: string) => boolean): Node {
  const value = node.kind === 'scalar' && !node.interpolation ? text(node) : undefined;
  return value === undefined || !local(value) ? node : withValue(node, resolvePath(folder, value));
}

function isRelative(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !path.startsWith('~') && !/^[A-Za-z]:[\\/]/.test(path);
}

/** compose-go `absContextPath`: URLs, `service:` and remote (git, http) contexts are not paths. */
function isLocalContext(context: string): boolean {
  if (context.includes('://') || context.startsWith('service:')) return false;
  if (['http://', 'https://', 'git://', 'ssh://', 'github.com/', 'git@'].some((prefix) => context.startsWith(prefix))) return false;
  return isRelative(context);
}

/** The scalar with another value, where it is written (its span and source text stay). */
function withValue(node: Node, value: string): Node {
  return node.kind === 'scalar' ? scalarNode(node.span, node.via, node.tag, value, node.raw, node.style, undefined) : node;
}

function withEntry(map: Node, key: string, change: (value: Node) => Node): Node {
  const position = map.kind === 'map' ? map.index.get(key) : undefined;
  if (map.kind !== 'map' || position === undefined) return map;
  const entry = map.entries[position]!;
  const value = change(entry.value);
  if (value === entry.value) return map;
  const entries = map.entries.slice();
  entries[position] = entryOf(entry.key, entry.keySpan, value, entry.via);
  return mapNode(map.span, map.via, map.tag, entries, map.index);
}

/** A list with each item changed (a lone scalar, as `env_file: a.env` is, counts as one item). */
function mapItems(node: Node, change: (item: Node) => Node): Node {
  if (node.kind === 'scalar') return change(node);
  if (node.kind !== 'seq') return node;
  const items = node.items.map(change);
  return items.every((item, i) => item === node.items[i]) ? node : seqNode(node.span, node.via, node.tag, items);
}
