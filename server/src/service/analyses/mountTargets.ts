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
import type { Finding } from '../types';
import type { Analysis } from './analysis';
import { FindingSet, useOf } from './findingSet';
import { lineOf } from './place';

const DOC_URL = composeFileDoc('services', 'volumes');

export function mountTargetsAnalysis(): Analysis {
  return { name: 'mountTargets', run: findDuplicateMountTargets };
}

function findDuplicateMountTargets(doc: ComposeDocument): Finding[] {
  const set = new FindingSet();
  for (const [service, element] of doc.model.services) {
    const seen = new Map<string, Mount>();
    for (const mount of mounts(element.node, doc.mode === 'compose')) {
      const { node, target } = mount;
      const first = seen.get(target);
      if (!first) {
        seen.set(target, mount);
        continue;
      }
      if (doc.mode === 'compose' && first.volume && mount.volume && first.written === mount.written) {
        // The later mount replaces the earlier one, which then counts no more for later duplicates.
        seen.set(target, mount);
        const dropped = `Compose keeps only the later mount on ${target} (line ${lineOf(doc, node.span)}) and silently drops this one.`;
        const keeps = `This mount replaces the earlier one on ${target} (line ${lineOf(doc, first.node.span)}), which Compose silently drops.`;
        for (const [here, there, message] of [[first.node, node, dropped], [node, first.node, keeps]] as const) {
          set.add({ code: 'duplicate-mount-target', severity: 'warning', message: `Service '${service}': ${message}`, span: here.span, related: [{ span: there.span, message: `the other mount on ${target}` }], docUrl: DOC_URL }, useOf(here, service));
        }
        continue;
      }
      for (const [here, there] of [[first.node, node], [node, first.node]] as const) {
        set.add(
          {
            code: 'duplicate-mount-target',
            severity: 'error',
            message: `Service '${service}' mounts two things on ${target}; each container path can hold one mount.`,
            span: here.span,
            related: [{ span: there.span, message: `the other mount on ${target}` }],
            docUrl: DOC_URL,
          },
          useOf(here, service),
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
