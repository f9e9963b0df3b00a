/**
 * One stack file per version boundary of Docker CLI's v3 schemas: a key (or form) version N first
 * allows, with `⟦…⟧` on where Shipshape reports it. Written from the schema diffs in docker/cli
 * cli/compose/schema/data/ (3.(N-1) → 3.N); test/service/loaderOracle.test.ts also runs them through
 * `docker stack config`, which must refuse each under 3.(N-1) and accept it under 3.N.
 */
export interface StackVersionCase {
  /** The version that first allows it. */
  readonly since: string;
  /** The file without its version line; `⟦…⟧` marks the span of the finding under the version before. */
  readonly marked: string;
}

/** A file with one service `app`, `lines` added to it. */
const service = (lines: string): string => `services:\n  app:\n    image: nginx\n${lines}`;

export const STACK_VERSION_CASES: readonly StackVersionCase[] = [
  { since: '3.1', marked: `${service('')}⟦secrets⟧:\n  token:\n    file: ./token.txt\n` },
  { since: '3.2', marked: service('    ports:\n      - ⟦{target: 80}⟧\n') },
  { since: '3.3', marked: `${service('')}⟦configs⟧:\n  site:\n    file: ./site.conf\n` },
  { since: '3.4', marked: service('    healthcheck:\n      test: [CMD, ping]\n      ⟦start_period⟧: 5s\n') },
  { since: '3.5', marked: service('    ⟦isolation⟧: default\n') },
  { since: '3.6', marked: service('    volumes:\n      - type: tmpfs\n        target: /cache\n        ⟦tmpfs⟧:\n          size: 1000\n') },
  { since: '3.7', marked: service('    ⟦init⟧: true\n') },
  { since: '3.8', marked: service('    deploy:\n      placement:\n        ⟦max_replicas_per_node⟧: 1\n') },
  { since: '3.9', marked: service('    deploy:\n      resources:\n        limits:\n          ⟦pids⟧: 100\n') },
  // 3.10 allows nothing new: it types the `x-cluster-spec` of volumes, which 3.9 accepts as any `x-` key.
  { since: '3.11', marked: service('    build:\n      context: .\n      ⟦no_cache⟧: true\n') },
  { since: '3.12', marked: service('    healthcheck:\n      test: [CMD, ping]\n      ⟦start_interval⟧: 1s\n') },
  { since: '3.13', marked: service('    ⟦oom_score_adj⟧: 100\n') },
];

/** The version before `version` ("3.9" → "3.8"). */
export function previousVersion(version: string): string {
  return `3.${Number(version.split('.')[1]) - 1}`;
}
