/**
 * Resource settings that contradict each other: service-level limits against `deploy.resources`
 * (compose-go refuses distinct values), reservations above limits, and device requests with both
 * `count` and `device_ids`.
 * Sources: compose-spec/compose-go loader/validate.go (checkConsistency) and validation/validation.go
 * (checkDeviceRequest); https://docs.docker.com/reference/compose-file/deploy/#resources .
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import { at, entry, get, isInterpolated, numberValue, text, type Entry, type Node } from '../parse/tree';
import { parseBytes } from '../parse/units';
import type { ComposeMode, Finding } from '../types';
import type { Analysis } from './analysis';
import { perService } from './perService';
import { atKey, atValue } from './place';

const DOCS = composeFileDoc('deploy', 'resources');

type Quantity = 'cpus' | 'bytes' | 'count';

/** Service-level keys compose-go compares with their deploy.resources counterpart. */
const PAIRS: readonly { readonly key: string; readonly section: 'limits' | 'reservations'; readonly field: string; readonly kind: Quantity }[] = [
  { key: 'cpus', section: 'limits', field: 'cpus', kind: 'cpus' },
  { key: 'mem_limit', section: 'limits', field: 'memory', kind: 'bytes' },
  { key: 'mem_reservation', section: 'reservations', field: 'memory', kind: 'bytes' },
  { key: 'pids_limit', section: 'limits', field: 'pids', kind: 'count' },
];

export const resourcesAnalysis: Analysis = {
  name: 'resources',
  run: perService(({ name, node }, mode) => [...(mode === 'compose' ? [...mismatches(name, node), ...deviceFindings(name, node)] : []), ...reservationAboveLimit(name, node, mode)]),
};

function quantity(node: Node | undefined, kind: Quantity, mode: ComposeMode): number | undefined {
  if (!node || isInterpolated(node) || node.kind !== 'scalar' || node.value === null) return undefined;
  if (kind === 'bytes') return typeof node.value === 'string' || typeof node.value === 'number' ? parseBytes(node.value, mode) : undefined;
  const value = numberValue(node);
  // compose-go keeps cpus as a float32.
  return value === undefined ? undefined : kind === 'cpus' ? Math.fround(value) : value;
}

/**
 * compose-go compares a set service-level value with the deploy value whenever deploy.resources.<section>
 * exists, reading a missing field as 0: `cpus: 0.5` next to `limits: {memory: 1g}` is refused too.
 */
function mismatches(service: string, node: Node): Finding[] {
  const findings: Finding[] = [];
  for (const pair of PAIRS) {
    const own = entry(node, pair.key);
    const section = entry(at(node, 'deploy', 'resources'), pair.section);
    const ownValue = quantity(own?.value, pair.kind, 'compose');
    if (!own || !section || section.value.kind !== 'map' || ownValue === undefined || ownValue === 0) continue;
    const other = entry(section.value, pair.field);
    if (other && isInterpolated(other.value)) continue;
    const otherValue = other ? quantity(other.value, pair.kind, 'compose') : 0;
    if (otherValue === undefined || otherValue === ownValue) continue;
    const deployPath = `deploy.resources.${pair.section}.${pair.field}`;
    const ownText = text(own.value) ?? '';
    const message = other
      ? `${pair.key} (${ownText}) and ${deployPath} (${text(other.value) ?? ''}) of service '${service}' differ: docker compose refuses distinct values; keep one.`
      : `${pair.key} (${ownText}) of service '${service}' conflicts with deploy.resources.${pair.section}, which sets no ${pair.field}: docker compose compares them and refuses the file; move the value to ${deployPath}.`;
    const otherSpan = other ? other.value.span : section.keySpan;
    findings.push(atValue(own.value, { code: 'resource-mismatch', severity: 'error', message, docUrl: DOCS, related: [{ span: otherSpan, message: `${deployPath} is set here.` }] }, own));
    if (other) findings.push(atValue(other.value, { code: 'resource-mismatch', severity: 'error', message, docUrl: DOCS, related: [{ span: own.value.span, message: `${pair.key} is set here.` }] }, other));
  }
  return findings;
}

function reservationAboveLimit(service: string, node: Node, mode: ComposeMode): Finding[] {
  const resources = at(node, 'deploy', 'resources');
  const findings: Finding[] = [];
  for (const [field, kind] of [['memory', 'bytes'], ['cpus', 'cpus']] as const) {
    const limit = entry(get(resources, 'limits'), field);
    const reservation = entry(get(resources, 'reservations'), field);
    const [limitValue, reservationValue] = [quantity(limit?.value, kind, mode), quantity(reservation?.value, kind, mode)];
    if (!limit || !reservation || limitValue === undefined || reservationValue === undefined || limitValue === 0 || reservationValue <= limitValue) continue;
    const consequence = field === 'memory' ? 'the engine refuses a memory reservation above the memory limit' : 'the scheduler reserves CPU the container may never use';
    findings.push(
      atValue(reservation.value, {
        code: 'reservation-exceeds-limit',
        severity: 'warning',
        message: `Service '${service}' reserves ${text(reservation.value) ?? ''} ${field} but is limited to ${text(limit.value) ?? ''}: ${consequence}.`,
        docUrl: DOCS,
        related: [{ span: limit.value.span, message: `The ${field} limit is set here.` }],
      }, reservation),
    );
  }
  return findings;
}

/** compose-go checkDeviceRequest: `"count" and "device_ids" attributes are exclusive`. */
function deviceFindings(service: string, node: Node): Finding[] {
  const requests = [at(node, 'deploy', 'resources', 'reservations', 'devices'), get(node, 'gpus')];
  const findings: Finding[] = [];
  for (const list of requests) {
    if (list?.kind !== 'seq') continue;
    for (const request of list.items) {
      const count: Entry | undefined = entry(request, 'count');
      const ids = entry(request, 'device_ids');
      if (!count || !ids) continue;
      findings.push(
        atKey(ids, {
          code: 'device-count-and-ids',
          severity: 'error',
          message: `A device request of service '${service}' sets both count and device_ids, which docker compose refuses: keep count for any matching devices, or device_ids for specific ones.`,
          docUrl: `${DOCS.replace('#resources', '#devices')}`,
          related: [{ span: count.keySpan, message: 'count is set here.' }],
        }),
      );
    }
  }
  return findings;
}
