/**
 * Durations (`restart_policy.delay`, `healthcheck.interval`, …) and byte sizes (`limits.memory`, …) that
 * the loader would refuse. Docker parses both in Go (see parse/units.ts); both schemas type these fields
 * as strings, so a bare number such as `delay: 5` is reported here, with a "missing unit" message and a
 * fix, instead of as a schema type error.
 * Sources: https://docs.docker.com/reference/compose-file/extension/#specifying-durations and
 * #specifying-byte-values; docker/cli cli/compose/loader/loader.go; compose-spec/compose-go types/duration.go.
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import { at, isInterpolated, type Node, type ScalarNode } from '../parse/tree';
import { durationUnits, parseBytes, parseDuration } from '../parse/units';
import type { CodeAction, ComposeMode, Finding } from '../types';
import type { Analysis } from './analysis';
import { perService } from './perService';
import type { SchemaClaim } from './schema';
import { append } from '../append';

const DURATION_URL = composeFileDoc('extension', 'specifying-durations');
const BYTES_URL = composeFileDoc('extension', 'specifying-byte-values');

/** Duration fields, relative to a service. */
const DURATION_PATHS: readonly (readonly string[])[] = [
  ['healthcheck', 'interval'],
  ['healthcheck', 'timeout'],
  ['healthcheck', 'start_period'],
  ['healthcheck', 'start_interval'],
  ['stop_grace_period'],
  ['deploy', 'restart_policy', 'delay'],
  ['deploy', 'restart_policy', 'window'],
  ['deploy', 'update_config', 'delay'],
  ['deploy', 'update_config', 'monitor'],
  ['deploy', 'rollback_config', 'delay'],
  ['deploy', 'rollback_config', 'monitor'],
];

/** Byte-size fields, relative to a service. Stack files only keep the deploy ones (the others are refused). */
const BYTE_PATHS: Readonly<Record<ComposeMode, readonly (readonly string[])[]>> = {
  stack: [
    ['deploy', 'resources', 'limits', 'memory'],
    ['deploy', 'resources', 'reservations', 'memory'],
  ],
  compose: [
    ['deploy', 'resources', 'limits', 'memory'],
    ['deploy', 'resources', 'reservations', 'memory'],
    ['mem_limit'],
    ['mem_reservation'],
    ['memswap_limit'],
    ['shm_size'],
  ],
};

/** A number where a duration belongs is reported here as `duration-invalid`, not as a schema type error. */
export const durationSchemaClaim: SchemaClaim = ({ path, node, error }) =>
  error.keyword === 'type' && node?.kind === 'scalar' && typeof node.value === 'number' && isDurationPath(path);

/** True for a path from the file's root to a duration field of a service. */
export function isDurationPath(path: readonly (string | number)[]): boolean {
  return path[0] === 'services' && DURATION_PATHS.some((p) => p.length === path.length - 2 && p.every((key, i) => key === path[i + 2]));
}

export const unitsAnalysis: Analysis = {
  name: 'units',
  run: perService(({ name, node: service }, mode) => {
    const findings: Finding[] = [];
    for (const path of DURATION_PATHS) {
      const node = judgeable(at(service, ...path));
      if (node) append(findings, checkDuration(node, path, name, mode));
    }
    for (const path of BYTE_PATHS[mode]) {
      const node = judgeable(at(service, ...path));
      if (!node || (typeof node.value !== 'string' && typeof node.value !== 'number')) continue;
      if (parseBytes(node.value, mode) !== undefined) continue;
      findings.push({
        code: 'byte-value-invalid',
        severity: 'error',
        message: `'${String(node.value)}' is not a byte size for '${path.join('.')}' of service '${name}': write a number with an optional unit b, k, m or g (e.g. '512m', '1.5g').`,
        span: node.span,
        docUrl: BYTES_URL,
      });
    }
    return findings;
  }),
  fixes: {
    'duration-invalid': (doc, finding) => {
      const match = /^(["']?)(\d+(?:\.\d+)?)\1$/.exec(doc.text.slice(finding.span.start, finding.span.end));
      if (!match) return [];
      const [, quote = '', number = ''] = match;
      return [{ title: `Add a unit: '${number}s'`, kind: 'quickfix', edits: [{ span: finding.span, newText: `${quote}${number}s${quote}` }], isPreferred: true } satisfies CodeAction];
    },
  },
};

function checkDuration(node: ScalarNode, path: readonly string[], service: string, mode: ComposeMode): Finding[] {
  const where = `'${path.join('.')}' of service '${service}'`;
  const finding = (message: string): Finding[] => [{ code: 'duration-invalid', severity: 'error', message, span: node.span, docUrl: DURATION_URL }];
  if (typeof node.value === 'number') {
    return finding(`${where} is the number ${node.raw}: a duration needs a unit, e.g. '${node.raw}s' (units ${durationUnits(mode)}).`);
  }
  if (typeof node.value !== 'string') return [];
  const result = parseDuration(node.value, mode);
  if ('seconds' in result) return [];
  if (result.problem === 'missing-unit') return finding(`'${node.value}' in ${where} has a number without a unit (units ${durationUnits(mode)}).`);
  if (result.problem === 'unknown-unit') {
    const hint = mode === 'stack' && (result.unit === 'd' || result.unit === 'w') ? ' docker stack deploy has no days or weeks: use hours (24h is a day).' : '';
    return finding(`Unknown unit '${result.unit ?? ''}' in ${where} (units ${durationUnits(mode)}).${hint}`);
  }
  return finding(`'${node.value}' in ${where} is not a duration: write e.g. '10s', '1m30s' or '1.5h'.`);
}

/** The scalar at a field, unless it is absent, empty or depends on the environment. */
function judgeable(node: Node | undefined): ScalarNode | undefined {
  if (node?.kind !== 'scalar' || node.value === null || isInterpolated(node) || node.tag !== undefined) return undefined;
  return node;
}
