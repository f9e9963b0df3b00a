/**
 * Allowed values of keys whose schema leaves them free strings (or only a pattern), with what each
 * value means. Completion offers them; hover explains the value under the cursor. Paths use `*` for
 * any name or list index. Sources: the Compose file reference
 * (https://docs.docker.com/reference/compose-file/services/, …/deploy/, …/networks/) and
 * COMPOSE-SEMANTICS.md sections 1.3, 3.1 and 4.
 */
import { DEPLOY_ENUMS } from './deployKeys';
import { CREATABLE_DRIVERS, NETWORK_MODES, networkDriver } from './networkDrivers';
import { isSection } from '../parse/sections';

export interface ValueDoc {
  readonly value: string;
  readonly summary: string;
}

/** What each value of the deploy enumerations (facts/deployKeys.ts `DEPLOY_ENUMS`) means. */
export const DEPLOY_VALUE_SUMMARIES: Readonly<Record<string, string>> = {
  replicated: 'Run `replicas` tasks (default).',
  global: 'Run exactly one task on every eligible node.',
  'replicated-job': 'Run `replicas` tasks to completion.',
  'global-job': 'Run one task to completion on every eligible node.',
  vip: 'One virtual IP, load-balanced over the tasks (default); `tasks.<service>` still lists every task.',
  dnsrr: 'DNS round-robin over the task IPs, the answer `tasks.<service>` gives in either mode; no ingress-published ports.',
  any: 'Restart whenever the container exits (Swarm\'s default; docker compose maps it to `always`).',
  'on-failure': 'Restart only after a non-zero exit.',
  none: 'Never restart (docker compose maps it to `no`).',
  pause: 'Stop and wait for an operator (default).',
  continue: 'Carry on with the remaining tasks.',
  rollback: 'Roll the service back to its previous version.',
  'stop-first': 'Stop the old task, then start the new one (default).',
  'start-first': 'Start the new task first; both run briefly.',
};

const deployValues = Object.fromEntries(
  Object.entries(DEPLOY_ENUMS).map(([key, { stack }]) => [`services.*.deploy.${key}`, stack.map((value) => ({ value, summary: DEPLOY_VALUE_SUMMARIES[value] ?? '' }))]),
);

export const VALUE_DOCS: Readonly<Record<string, readonly ValueDoc[]>> = {
  ...deployValues,
  'services.*.restart': [
    { value: 'no', summary: 'Never restart (default). Quote it: a bare no is read as false by YAML 1.1 tools.' },
    { value: 'always', summary: 'Always restart, also after the daemon restarts.' },
    { value: 'on-failure', summary: 'Restart after a non-zero exit; `on-failure:3` caps the attempts.' },
    { value: 'unless-stopped', summary: 'Like always, unless you stopped the container yourself.' },
  ],
  'services.*.pull_policy': [
    { value: 'missing', summary: 'Pull only when the image is not present (default).' },
    { value: 'if_not_present', summary: 'Same as `missing`.' },
    { value: 'always', summary: 'Pull on every `up`.' },
    { value: 'never', summary: 'Never pull; fail if the image is missing.' },
    { value: 'build', summary: 'Always build the image from `build`.' },
    { value: 'refresh', summary: 'Pull again after `pull_refresh_after`.' },
    { value: 'daily', summary: 'Pull when the local image is older than a day.' },
    { value: 'weekly', summary: 'Pull when the local image is older than a week.' },
    // compose-spec schema pattern `every_([0-9]+[wdhms])+`.
    { value: 'every_12h', summary: 'Pull when the local image is older than the duration after `every_` (e.g. `every_12h`, `every_1w`).' },
  ],
  'services.*.network_mode': [
    { value: 'host', summary: NETWORK_MODES.host.summary },
    { value: 'none', summary: NETWORK_MODES.none.summary },
    { value: 'bridge', summary: 'The engine\'s built-in `bridge` network (no DNS by name).' },
  ],
  'services.*.depends_on.*.condition': [
    { value: 'service_started', summary: 'Wait until the dependency has started.' },
    { value: 'service_healthy', summary: 'Wait until its healthcheck reports healthy.' },
    { value: 'service_completed_successfully', summary: 'Wait until it has exited with code 0.' },
  ],
  'services.*.ports.*.protocol': [
    { value: 'tcp', summary: 'TCP (default).' },
    { value: 'udp', summary: 'UDP.' },
    { value: 'sctp', summary: 'SCTP.' },
  ],
  'services.*.ports.*.mode': [
    { value: 'ingress', summary: 'Swarm routing mesh: the port opens on every node and load-balances to any task (default).' },
    { value: 'host', summary: 'Bind the port only on the node running each task, bypassing the mesh.' },
  ],
  'services.*.develop.watch.*.action': [
    { value: 'sync', summary: 'Copy changed files into the running container at `target`.' },
    { value: 'rebuild', summary: 'Rebuild the image and recreate the container.' },
    { value: 'sync+restart', summary: 'Copy changed files, then restart the container (for configuration files).' },
    { value: 'restart', summary: 'Restart the container without copying anything (Compose 2.32+).' },
    { value: 'sync+exec', summary: 'Copy changed files, then run the `exec` command in the container (Compose 2.32+).' },
  ],
  'services.*.logging.driver': [
    { value: 'json-file', summary: 'JSON lines on the host disk (default).' },
    { value: 'local', summary: 'Compact, rotated local files.' },
    { value: 'none', summary: 'Discard logs.' },
    { value: 'syslog', summary: 'Send to syslog.' },
    { value: 'journald', summary: 'Send to the systemd journal.' },
    { value: 'gelf', summary: 'Send GELF to Graylog or Logstash.' },
    { value: 'fluentd', summary: 'Send to Fluentd.' },
    { value: 'awslogs', summary: 'Send to Amazon CloudWatch Logs.' },
    { value: 'splunk', summary: 'Send to Splunk.' },
    { value: 'gcplogs', summary: 'Send to Google Cloud Logging.' },
    { value: 'etwlogs', summary: 'Windows Event Tracing.' },
  ],
  'networks.*.driver': CREATABLE_DRIVERS.map((value) => ({ value, summary: networkDriver(value)?.summary ?? '' })),
  'networks.*.ipam.driver': [
    { value: 'default', summary: 'Docker\'s built-in IP address management (default).' },
    { value: 'null', summary: 'Hands out no addresses (for networks whose driver manages none).' },
  ],
  'volumes.*.driver': [{ value: 'local', summary: 'Docker\'s built-in volume driver (default).' }],
};

/** The value docs for a path, with `*` in the table matching any segment. */
export function valueDocs(path: readonly (string | number)[]): readonly ValueDoc[] | undefined {
  return VALUE_DOCS[patternKey(path)];
}

/**
 * The table key of a concrete path: names under sections and list indexes become `*`.
 * Shared by the curated fact tables, which use the same notation.
 */
export function patternKey(path: readonly (string | number)[]): string {
  return path.map((segment, i) => (typeof segment === 'number' || isNamePosition(path, i) ? '*' : segment)).join('.');
}

/** `networks.<network>.driver_opts.<option>`: driver options are free-form keys the schema cannot describe. */
export function driverOptionAt(path: readonly (string | number)[]): { readonly network: string; readonly option: string } | undefined {
  return path.length === 4 && path[0] === 'networks' && path[2] === 'driver_opts' ? { network: String(path[1]), option: String(path[3]) } : undefined;
}

/** Keys whose children are user-chosen names (service-level network and dependency maps). */
const NAMED_CHILDREN = new Set(['networks', 'depends_on']);

function isNamePosition(path: readonly (string | number)[], i: number): boolean {
  if (i === 1) return isSection(String(path[0]));
  return i === 3 && path[0] === 'services' && NAMED_CHILDREN.has(String(path[2]));
}
