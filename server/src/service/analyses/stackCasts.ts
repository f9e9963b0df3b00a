/**
 * docker/cli interpolates a stack file before validating it and casts the interpolated strings at some
 * paths to the type the schema wants (cli/compose/loader/interpolate.go `interpolateTypeCastMapping`;
 * cli/compose/interpolation/interpolation.go casts only a value interpolation changed, `*` matching any
 * key or list item). So `target: ${PORT:-80}` in a long-syntax port is the integer 80 for the schema, and
 * the `oneOf` around it holds. Shipshape's stack validation casts the same values the same way.
 */

type Cast = (value: string) => number | boolean | undefined;

/** strconv.Atoi: an optional sign and decimal digits. */
const toInt: Cast = (value) => (/^[+-]?\d+$/.test(value) ? Number(value) : undefined);
/** strconv.ParseFloat (decimal and exponent forms, inf and NaN). */
const toFloat: Cast = (value) => (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$|^[+-]?(?:inf|infinity|nan)$/i.test(value) ? Number(value.replace(/inf(inity)?/i, 'Infinity')) : undefined);
/** docker/cli `toBoolean` (YAML 1.1 booleans). */
const toBoolean: Cast = (value) => {
  const lower = value.toLowerCase();
  if (['y', 'yes', 'true', 'on'].includes(lower)) return true;
  if (['n', 'no', 'false', 'off'].includes(lower)) return false;
  return undefined;
};

const SERVICE = ['services', '*'];
/** docker/cli `interpolateTypeCastMapping` (`[]` is a list item, `*` any key or item). */
const CASTS: ReadonlyArray<readonly [readonly string[], Cast]> = [
  [[...SERVICE, 'configs', '[]', 'mode'], toInt],
  [[...SERVICE, 'secrets', '[]', 'mode'], toInt],
  [[...SERVICE, 'healthcheck', 'retries'], toInt],
  [[...SERVICE, 'healthcheck', 'disable'], toBoolean],
  [[...SERVICE, 'deploy', 'replicas'], toInt],
  [[...SERVICE, 'deploy', 'update_config', 'parallelism'], toInt],
  [[...SERVICE, 'deploy', 'update_config', 'max_failure_ratio'], toFloat],
  [[...SERVICE, 'deploy', 'rollback_config', 'parallelism'], toInt],
  [[...SERVICE, 'deploy', 'rollback_config', 'max_failure_ratio'], toFloat],
  [[...SERVICE, 'deploy', 'restart_policy', 'max_attempts'], toInt],
  [[...SERVICE, 'deploy', 'placement', 'max_replicas_per_node'], toInt],
  [[...SERVICE, 'ports', '[]', 'target'], toInt],
  [[...SERVICE, 'ports', '[]', 'published'], toInt],
  [[...SERVICE, 'ulimits', '*'], toInt],
  [[...SERVICE, 'ulimits', '*', 'hard'], toInt],
  [[...SERVICE, 'ulimits', '*', 'soft'], toInt],
  [[...SERVICE, 'privileged'], toBoolean],
  [[...SERVICE, 'oom_score_adj'], toInt],
  [[...SERVICE, 'read_only'], toBoolean],
  [[...SERVICE, 'stdin_open'], toBoolean],
  [[...SERVICE, 'tty'], toBoolean],
  [[...SERVICE, 'volumes', '[]', 'read_only'], toBoolean],
  [[...SERVICE, 'volumes', '[]', 'volume', 'nocopy'], toBoolean],
  [['networks', '*', 'external'], toBoolean],
  [['networks', '*', 'internal'], toBoolean],
  [['networks', '*', 'attachable'], toBoolean],
  [['volumes', '*', 'external'], toBoolean],
  [['secrets', '*', 'external'], toBoolean],
  [['configs', '*', 'external'], toBoolean],
];

/** The value a type cast path gets when its variable is unknown here (or its default does not cast). */
const PLACEHOLDER = new Map<Cast, number | boolean>([
  [toInt, 0],
  [toFloat, 0],
  [toBoolean, false],
]);

/**
 * The value docker/cli validates for an interpolated scalar at `path` (list items as `[]`), or undefined
 * when no cast applies there. An unknown variable gets a value of the cast type: the schema must not judge
 * what only the deploy environment decides (errors on interpolated values are dropped anyway).
 */
export function stackCast(path: readonly string[], resolved: string | undefined): number | boolean | undefined {
  const cast = CASTS.find(([pattern]) => pattern.length === path.length && pattern.every((part, i) => part === '*' || part === path[i]))?.[1];
  if (!cast) return undefined;
  return (resolved === undefined ? undefined : cast(resolved)) ?? PLACEHOLDER.get(cast);
}
