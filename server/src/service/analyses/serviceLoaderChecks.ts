/**
 * Service settings the loaders refuse while reading the file, before any container exists:
 * - a bind mount without `source` (compose-go paths/resolve.go absVolumeMount; docker/cli loader.go
 *   resolveVolumePaths also refuses an empty one): "invalid mount config for type "bind": field Source
 *   must not be empty";
 * - a `develop.watch` rule whose action needs a `target` (compose-go loader/validate.go: "target is
 *   required for non-rebuild actions"; `rebuild` and `restart` need none);
 * - an `environment` list entry with a space before `=` (compose-go types/mapping.go: "environment
 *   variable X is declared with a trailing space");
 * - a device request `count` that is neither a number nor `all` (compose-go types/device.go);
 * - in stack files, swarmkit's minimums for `cpus` (0.001) and `memory` (4 MiB) (manager/controlapi/
 *   service.go validateResources) and two secrets or configs on one target (validateSecretRefsSpec,
 *   validateConfigRefsSpec: "have a conflicting target").
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import { parseBytes } from '../parse/units';
import { at, get, isInterpolated, listItems, numberValue, text, type Node } from '../parse/tree';
import type { CodeAction, ComposeMode, Finding } from '../types';
import { sameSpan, type Analysis } from './analysis';
import { perService } from './perService';
import { atValue } from './place';
import type { Element } from '../parse/model';

const VOLUMES_URL = composeFileDoc('services', 'volumes');
const WATCH_URL = 'https://docs.docker.com/compose/how-tos/file-watch/';
const DEVICES_URL = `${composeFileDoc('deploy')}#devices`;
const RESOURCES_URL = `${composeFileDoc('deploy')}#resources`;
/** Watch actions that need no container path: they rebuild or restart rather than copy files. */
const TARGETLESS_ACTIONS = new Set(['rebuild', 'restart']);
const MIN_NANO_CPUS = 1e6;
const MIN_MEMORY = 4 * 1024 * 1024;

export const serviceLoaderChecksAnalysis: Analysis = {
  name: 'serviceLoaderChecks',
  run: perService((service, mode) => [
    ...bindSources(service, mode),
    ...(mode === 'compose' ? [...watchTargets(service), ...environmentKeys(service), ...deviceCounts(service)] : []),
    ...(mode === 'stack' ? [...resourceMinimums(service), ...fileTargets(service, 'secrets'), ...fileTargets(service, 'configs')] : []),
  ]),
  fixes: {
    'environment-key-space': (doc, finding) => {
      for (const service of doc.model.services.values()) {
        for (const item of listItems(get(service.node, 'environment'))) {
          if (!sameSpan(item.span, finding.span) || item.kind !== 'scalar' || item.style !== 'plain' || item.via) continue;
          const fixed = item.raw.replace(/^([^=]*?)\s+=\s*/, '$1=');
          return [{ title: "Remove the spaces around '='", kind: 'quickfix', edits: [{ span: item.span, newText: fixed }], isPreferred: true } satisfies CodeAction];
        }
      }
      return [];
    },
  },
};

function bindSources({ name, node }: Element, mode: ComposeMode): Finding[] {
  return listItems(get(node, 'volumes')).flatMap((item) => {
    const type = get(item, 'type');
    if (text(type) !== 'bind') return [];
    const source = get(item, 'source');
    // compose-go refuses only a missing source; docker/cli also an empty one.
    if (source && (mode === 'compose' || text(source) !== '')) return [];
    const target = text(get(item, 'target')) ?? '?';
    return [atValue(source ?? type!, { code: 'bind-source-missing', severity: 'error', message: `The bind mount on ${target} of service '${name}' has no source: Docker refuses it ("invalid mount config for type "bind": field Source must not be empty"). Set 'source' to a host path.`, docUrl: VOLUMES_URL })];
  });
}

function watchTargets({ name, node }: Element): Finding[] {
  return listItems(at(node, 'develop', 'watch')).flatMap((rule) => {
    const action = get(rule, 'action');
    const value = text(action);
    if (!action || value === undefined || TARGETLESS_ACTIONS.has(value) || get(rule, 'target') !== undefined) return [];
    return [atValue(action, { code: 'watch-target-missing', severity: 'error', message: `The '${value}' watch rule of service '${name}' needs a 'target' (the path in the container to sync to); docker compose refuses it ("target is required for non-rebuild actions").`, docUrl: WATCH_URL })];
  });
}

function environmentKeys({ name, node }: Element): Finding[] {
  return listItems(get(node, 'environment')).flatMap((item) => {
    const value = item.kind === 'scalar' ? text(item) : undefined;
    const key = value?.split('=')[0];
    if (value === undefined || !value.includes('=') || key === undefined || !/\s$/.test(key)) return [];
    return [atValue(item, { code: 'environment-key-space', severity: 'error', message: `Environment entry '${value}' of service '${name}' has a space before '=': docker compose refuses it ("environment variable ${key} is declared with a trailing space"). Write '${key.trim()}=${value.slice(value.indexOf('=') + 1).trimStart()}'.`, docUrl: composeFileDoc('services', 'environment') })];
  });
}

function deviceCounts({ name, node }: Element): Finding[] {
  return listItems(at(node, 'deploy', 'resources', 'reservations', 'devices')).flatMap((device) => {
    const count = get(device, 'count');
    const value = text(count);
    if (!count || value === undefined || isInterpolated(count) || /^-?\d+$/.test(value) || value.toLowerCase() === 'all') return [];
    return [atValue(count, { code: 'device-count-invalid', severity: 'error', message: `Device count '${value}' of service '${name}' is neither a number nor 'all': docker compose refuses it ("the only value allowed is 'all' or a number").`, docUrl: DEVICES_URL })];
  });
}

function resourceMinimums({ name, node }: Element): Finding[] {
  const findings: Finding[] = [];
  for (const kind of ['limits', 'reservations']) {
    const cpus = at(node, 'deploy', 'resources', kind, 'cpus');
    const cpuValue = isInterpolated(cpus) ? undefined : numberValue(cpus);
    if (cpus && cpuValue !== undefined && cpuValue > 0 && Math.round(cpuValue * 1e9) < MIN_NANO_CPUS) {
      findings.push(atValue(cpus, { code: 'stack-resource-below-minimum', severity: 'error', message: `deploy.resources.${kind}.cpus of service '${name}' is ${cpuValue}: Swarm refuses less than 0.001 ("Must be at least 0.001").`, docUrl: RESOURCES_URL }));
    }
    const memory = at(node, 'deploy', 'resources', kind, 'memory');
    const raw = memory?.kind === 'scalar' && !isInterpolated(memory) ? (typeof memory.value === 'number' ? memory.value : text(memory)) : undefined;
    const bytes = raw === undefined ? undefined : parseBytes(raw, 'stack');
    if (memory && bytes !== undefined && bytes > 0 && bytes < MIN_MEMORY) {
      findings.push(atValue(memory, { code: 'stack-resource-below-minimum', severity: 'error', message: `deploy.resources.${kind}.memory of service '${name}' is ${bytes} bytes: Swarm refuses less than 4 MiB ("Must be at least 4MiB").`, docUrl: RESOURCES_URL }));
    }
  }
  return findings;
}

/** docker/cli convert/service.go: the target is the written one, or the object's name. */
function fileTargets({ name, node }: Element, kind: 'secrets' | 'configs'): Finding[] {
  const seen = new Map<string, { source: string; node: Node }>();
  const findings: Finding[] = [];
  for (const item of listItems(get(node, kind))) {
    const source = item.kind === 'map' ? text(get(item, 'source')) : text(item);
    const targetNode = item.kind === 'map' ? get(item, 'target') : undefined;
    const target = targetNode ? text(targetNode) : source;
    if (source === undefined || target === undefined || isInterpolated(item)) continue;
    const first = seen.get(target);
    if (!first) {
      seen.set(target, { source, node: targetNode ?? item });
      continue;
    }
    const what = kind === 'secrets' ? 'secret' : 'config';
    findings.push(atValue(targetNode ?? item, { code: 'stack-file-target-conflict', severity: 'error', message: `${what}s '${first.source}' and '${source}' of service '${name}' both land on '${target}': Swarm refuses it ("${what} references '${first.source}' and '${source}' have a conflicting target"). Give one another 'target'.`, docUrl: composeFileDoc('services', kind), related: [{ span: first.node.span, message: `'${first.source}' uses '${target}' here` }] }));
  }
  return findings;
}
