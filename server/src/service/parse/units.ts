/**
 * Durations and byte sizes as Docker's Go loaders parse them.
 * - Durations: `docker stack deploy` uses Go's `time.ParseDuration` (docker/cli loader.go
 *   `transformStringToDuration`, schema.go `durationFormatChecker`); `docker compose` uses compose-go's
 *   `str2duration.ParseDuration`, the same grammar plus `d` (days) and `w` (weeks). Both want a unit on
 *   every number except a bare `0`: "5" is "missing unit in duration".
 * - Byte sizes: docker/go-units `RAMInBytes` (both loaders): a decimal number, an optional space, and an
 *   optional binary unit b, k, m, g, t, p with an optional `b` or `ib` (case-insensitive): `1.5 GB`, `512m`.
 */
import type { ComposeMode } from '../types';

const GO_UNITS: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
const COMPOSE_UNITS: Readonly<Record<string, number>> = { ...GO_UNITS, d: 86400, w: 604800 };

export type DurationResult = { readonly seconds: number } | { readonly problem: 'missing-unit' | 'unknown-unit' | 'invalid'; readonly unit?: string };

/** Parses a duration the way the loader of `mode` does. */
export function parseDuration(text: string, mode: ComposeMode): DurationResult {
  const units = mode === 'stack' ? GO_UNITS : COMPOSE_UNITS;
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { seconds: 0 };
  if (rest === '') return { problem: 'invalid' };
  let seconds = 0;
  while (rest !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
    if (number[0] === '' || number[0] === '.') return { problem: 'invalid' };
    rest = rest.slice(number[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') return { problem: 'missing-unit' };
    const factor = units[unit];
    if (factor === undefined) return { problem: 'unknown-unit', unit };
    seconds += Number(number[0]) * factor;
    rest = rest.slice(unit.length);
  }
  return { seconds: sign * seconds };
}

/** The units each loader accepts, for messages. */
export function durationUnits(mode: ComposeMode): string {
  return mode === 'stack' ? 'ns, us, ms, s, m, h' : 'ns, us, ms, s, m, h, d, w';
}

const BYTE_UNITS: Readonly<Record<string, number>> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/**
 * Bytes, or undefined when the loader would reject the value. A YAML number is a byte count; compose-go
 * also reads a plain integer string first (so `-1`, "unlimited" for swap, passes there).
 */
export function parseBytes(value: string | number, mode: ComposeMode): number | undefined {
  if (typeof value === 'number') return value;
  if (mode === 'compose' && /^[-+]?\d+$/.test(value)) return Number(value);
  const match = /^(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+)(?: ?([a-zA-Z]{1,3}))?$/.exec(value);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const suffix = (match[2] ?? '').toLowerCase();
  if (suffix === '' || suffix === 'b') return Math.trunc(amount);
  const factor = BYTE_UNITS[suffix[0]!];
  if (factor === undefined) return undefined;
  const tail = suffix.slice(1);
  return tail === '' || tail === 'b' || tail === 'ib' ? Math.trunc(amount * factor) : undefined;
}
