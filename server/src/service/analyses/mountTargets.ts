/**
 * Two mounts on the same container path in one service: volumes in short and long form, and `tmpfs`
 * entries (compose). Swarm refuses every such pair, and so does compose-go's `checkConsistency` ("target
 * X already mounted as …") — except for two `volumes` entries whose written targets are equal: compose-go
 * `override.EnforceUnicity` indexes volumes by target first and keeps only the later one, silently
 * (override/uncity.go volumeIndexer), so Compose gets a warning that names the dropped mount.
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import type { ComposeDocument } from '../parse/model';
import { shortVolumeTarget } from '../parse/compose';
import { get, isInterpolated, text, type Node } from '../parse/tree';
import type { Finding, Span } from '../types';
import type { Analysis } from './analysis';
import { FindingSet } from './findingSet';
import { lineOf } from './place';
import { absolute, perServiceFacts } from './serviceFacts';

const DOC_URL = composeFileDoc('services', 'volumes');

export function mountTargetsAnalysis(): Analysis {
  return { name: 'mountTargets', run: findDuplicateMountTargets };
}

/** Two mounts of one service on one container path, the first and the later as written. */
interface Duplicate {
  readonly target: string;
  readonly first: Use;
  readonly later: Use;
  /** Two `volumes` entries with equal written targets in Compose: the later one silently wins. */
  readonly dropped: boolean;
}

interface Use {
  readonly span: Span;
  readonly via: Span | undefined;
}

/**
 * The duplicates of each service, found once per service content (serviceFacts.ts); only the messages,
 * which name line numbers, are made for the version at hand.
 */
const duplicates = perServiceFacts((service, mode, frame): readonly Duplicate[] => {
  const found: Duplicate[] = [];
  const seen = new Map<string, Mount>();
  const use = (node: Node): Use => ({ span: frame.span(node.span), via: node.via && frame.span(node.via) });
  for (const mount of mounts(service.node, mode === 'compose')) {
    const first = seen.get(mount.target);
    if (!first) {
      seen.set(mount.target, mount);
      continue;
    }
    const dropped = mode === 'compose' && first.volume && mount.volume && first.written === mount.written;
    // The later mount replaces the earlier one, which then counts no more for later duplicates.
    if (dropped) seen.set(mount.target, mount);
    found.push({ target: mount.target, first: use(first.node), later: use(mount.node), dropped });
  }
  return found;
});

/** A use with spans relative to its service, where it is in the version whose service key is at `start`. */
function placed(use: Use, start: number): Use {
  return { span: absolute(use.span, start), via: use.via && absolute(use.via, start) };
}

function findDuplicateMountTargets(doc: ComposeDocument): Finding[] {
  const set = new FindingSet();
  for (const { element, start, facts } of duplicates(doc)) {
    const service = element.name;
    for (const { target, dropped, ...relative } of facts) {
      const first = placed(relative.first, start);
      const later = placed(relative.later, start);
      const conflict = `Service '${service}' mounts two things on ${target}; each container path can hold one mount.`;
      const onFirst = dropped ? `Service '${service}': Compose keeps only the later mount on ${target} (line ${lineOf(doc, later.span)}) and silently drops this one.` : conflict;
      const onLater = dropped ? `Service '${service}': This mount replaces the earlier one on ${target} (line ${lineOf(doc, first.span)}), which Compose silently drops.` : conflict;
      for (const [here, there, message] of [[first, later, onFirst], [later, first, onLater]] as const) {
        set.add(
          {
            code: 'duplicate-mount-target',
            severity: dropped ? 'warning' : 'error',
            message,
            span: here.span,
            related: [{ span: there.span, message: `the other mount on ${target}` }],
            docUrl: DOC_URL,
          },
          { via: here.via, service },
        );
      }
    }
  }
  return set.findings();
}

interface Mount {
  readonly node: Node;
  /** The cleaned container path. */
  readonly target: string;
  /** The path as written, which compose-go compares when it drops duplicate volumes. */
  readonly written: string;
  readonly volume: boolean;
}

function* mounts(service: Node, withTmpfs: boolean): Generator<Mount> {
  const volumes = get(service, 'volumes');
  for (const item of volumes?.kind === 'seq' ? volumes.items : []) {
    // Long syntax: point at `target`, the part to change.
    const node = item.kind === 'map' ? get(item, 'target') : item;
    const target = item.kind === 'map' ? plain(node) : shortVolumeTarget(plain(item));
    if (node && target) yield { node, target: clean(target), written: target, volume: true };
  }
  if (!withTmpfs) return;
  const tmpfs = get(service, 'tmpfs');
  for (const item of tmpfs?.kind === 'seq' ? tmpfs.items : tmpfs ? [tmpfs] : []) {
    const path = plain(item)?.split(':')[0];
    if (path) yield { node: item, target: clean(path), written: path, volume: false };
  }
}

/** A scalar's text when it does not depend on variables. */
function plain(node: Node | undefined): string | undefined {
  return node && !isInterpolated(node) ? text(node) : undefined;
}

/** Go's `path.Clean` for absolute container paths: no `.`, `..`, repeated or trailing slashes. */
function clean(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return (path.startsWith('/') ? '/' : '') + parts.join('/') || '/';
}
