/**
 * What a file's content says about how it is deployed. Only keys that one tool alone reads count:
 * Swarm scheduling (placement, update and rollback, endpoint mode, global or job mode, declared overlay
 * networks), which `docker compose` ignores; and keys that `docker stack deploy` refuses (every service
 * key of the Compose Specification that docker/cli's v3.13 schema lacks, depends_on with conditions,
 * top-level `name`, `include` and `models`). Keys both read, `version: "3.x"` (most Compose files still
 * carry it) and `build` (stack files keep it for `docker compose build`) prove nothing.
 */
import { append } from '../append';
import { checkedElements, ElementCache, moveSpan, spanWithin } from '../parse/elementCache';
import type { ComposeModel, Element } from '../parse/elements';
import { asMap, entry, get, text, type Entry } from '../parse/tree';
import type { Span } from '../types';

export interface Evidence {
  /** What the file uses, for a message: "deploy.placement in service 'web'". */
  readonly what: string;
  readonly span: Span;
}

export interface ModeEvidence {
  /** Keys only Swarm reads. */
  readonly stack: readonly Evidence[];
  /** Keys `docker stack deploy` refuses. */
  readonly compose: readonly Evidence[];
  /** Whether a service has `build`: a Compose workflow, though stack files may keep it. */
  readonly builds: boolean;
}

/**
 * Service keys of compose-go's schema (schemas/compose-spec.json) that docker/cli's
 * cli/compose/schema/data/config_schema_v3.13.json does not define, so `docker stack deploy` refuses
 * them ("Additional property … is not allowed"). A test keeps this list equal to the vendored schemas.
 */
export const COMPOSE_ONLY_SERVICE_KEYS: ReadonlySet<string> = new Set([
  'annotations', 'attach', 'blkio_config', 'cgroup', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime',
  'cpu_shares', 'cpus', 'cpuset', 'develop', 'device_cgroup_rules', 'dns_opt', 'extends', 'gpus', 'group_add', 'label_file', 'mem_limit',
  'mem_reservation', 'mem_swappiness', 'memswap_limit', 'models', 'oom_kill_disable', 'pids_limit', 'platform', 'post_start', 'pre_start',
  'pre_stop', 'profiles', 'provider', 'pull_policy', 'pull_refresh_after', 'runtime', 'scale', 'storage_opt', 'use_api_socket', 'uts', 'volumes_from',
]);

/** Top-level keys compose-go reads and docker/cli's v3 schemas refuse. */
const COMPOSE_ONLY_TOP_LEVEL: ReadonlySet<string> = new Set(['name', 'include', 'models']);

/** `deploy` keys only Swarm acts on (docker/compose reads replicas, resources and restart_policy only). */
const SWARM_DEPLOY_KEYS: ReadonlySet<string> = new Set(['placement', 'update_config', 'rollback_config', 'endpoint_mode']);

/** Every piece of evidence in the top level, the services and the networks, in file order by section. */
export function modeEvidence(model: ComposeModel): ModeEvidence {
  const stack: Evidence[] = [];
  const compose: Evidence[] = [];
  let builds = false;
  for (const item of model.topLevel) if (COMPOSE_ONLY_TOP_LEVEL.has(item.key)) compose.push({ what: `top-level '${item.key}'`, span: item.keySpan });
  for (const member of checkedElements(model.services)) {
    const own = serviceEvidence.of(member, () => evidenceOfService(member.element));
    append(stack, own.stack);
    append(compose, own.compose);
    builds ||= own.builds;
  }
  for (const network of model.networks.values()) {
    const driver = entry(network.node, 'driver');
    // An external overlay network is joined by Compose files too (attachable networks of a swarm).
    if (driver && text(driver.value) === 'overlay' && !get(network.node, 'external')) stack.push(found(`the overlay network '${network.name}'`, driver));
  }
  return { stack, compose, builds };
}

/** What one service says; kept per service content, as the notes run on every keystroke. */
const serviceEvidence = new ElementCache<ModeEvidence>({
  move: ({ stack, compose, builds }, delta) => {
    const move = (items: readonly Evidence[]): Evidence[] => items.map((item) => ({ what: item.what, span: moveSpan(item.span, delta) }));
    return { stack: move(stack), compose: move(compose), builds };
  },
  within: ({ stack, compose }, range) => [...stack, ...compose].every((item) => spanWithin(item.span, range)),
});

function evidenceOfService(service: Element): ModeEvidence {
  const stack: Evidence[] = [];
  const compose: Evidence[] = [];
  let builds = false;
  const node = asMap(service.node);
  if (!node) return { stack, compose, builds };
  const where = `in service '${service.name}'`;
  for (const item of node.entries) {
    if (item.key === 'build') builds = true;
    else if (COMPOSE_ONLY_SERVICE_KEYS.has(item.key)) compose.push(found(`'${item.key}' ${where}`, item));
    else if (item.key === 'depends_on' && item.value.kind === 'map') compose.push(found(`depends_on with conditions ${where}`, item));
  }
  for (const item of asMap(get(node, 'deploy'))?.entries ?? []) {
    if (SWARM_DEPLOY_KEYS.has(item.key)) stack.push(found(`deploy.${item.key} ${where}`, item));
    else if (item.key === 'mode' && isSwarmMode(text(item.value))) stack.push(found(`deploy.mode: ${text(item.value)} ${where}`, item));
  }
  return { stack, compose, builds };
}

/** The mode the content alone gives: keys of one tool and none of the other. */
export function modeOfContent(evidence: ModeEvidence): 'stack' | 'compose' | undefined {
  if (evidence.stack.length > 0 && evidence.compose.length === 0) return 'stack';
  if (evidence.compose.length > 0 && evidence.stack.length === 0) return 'compose';
  return undefined;
}

/** Swarm's service modes other than the default `replicated` (docker/cli types.go DeployConfig.Mode). */
function isSwarmMode(mode: string | undefined): boolean {
  return mode === 'global' || mode === 'replicated-job' || mode === 'global-job';
}

function found(what: string, item: Entry): Evidence {
  return { what, span: item.keySpan };
}
