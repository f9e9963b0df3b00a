/**
 * Every key under `services.*.deploy` in schemas/compose-spec.json: what it means, its values and
 * default, and whether `docker compose up` and `docker stack deploy` act on it. Plain data behind hovers
 * and the deploy analyses; a test checks that every deploy key of the schema has an entry.
 * Sources: https://docs.docker.com/reference/compose-file/deploy/ ; what Compose honours:
 * docker/compose pkg/compose/create.go (getDeployResources, setLimits, setReservations, getRestartPolicy)
 * and pkg/compose/convergence.go (replicas); what stacks honour: docker/cli cli/compose/convert/service.go
 * and the v3.13 schema; values Swarm accepts: moby daemon/cluster/convert/service.go and
 * docs/reference/commandline/service_create.md.
 */
import { composeFileDoc } from './composeFileDocs';

const DEPLOY = composeFileDoc('deploy');
const SERVICE_CREATE = 'https://docs.docker.com/reference/cli/docker/service/create/';

export interface DeployKeyFact {
  readonly meaning: string;
  /** The values the key accepts, when it is an enumeration or has a fixed form. */
  readonly values?: readonly string[];
  readonly default?: string;
  /** `docker compose up` acts on the key (false: accepted and silently ignored). */
  readonly honouredByCompose: boolean;
  /** `docker stack deploy` acts on the key (false: the v3.13 schema refuses it). */
  readonly honouredByStack: boolean;
  readonly docUrl: string;
}

/** The valid values of the deploy enumerations, per target (Swarm is case-sensitive except endpoint_mode). */
export const DEPLOY_ENUMS = {
  mode: { stack: ['replicated', 'global', 'replicated-job', 'global-job'] },
  endpoint_mode: { stack: ['vip', 'dnsrr'] },
  /** Compose maps Docker restart names too (docker/compose create.go mapRestartPolicyCondition). */
  'restart_policy.condition': { stack: ['none', 'on-failure', 'any'], compose: ['none', 'on-failure', 'any', 'no', 'always', 'unless-stopped'] },
  'update_config.failure_action': { stack: ['continue', 'rollback', 'pause'] },
  /** `rollback` is accepted by the engine here but behaves like `pause` (swarmkit never rolls back a rollback). */
  'rollback_config.failure_action': { stack: ['continue', 'pause'] },
  'update_config.order': { stack: ['stop-first', 'start-first'] },
  'rollback_config.order': { stack: ['stop-first', 'start-first'] },
} as const;

/** Node attributes a placement constraint may test (moby/swarmkit manager/constraint/constraint.go). */
export const CONSTRAINT_ATTRIBUTES: Readonly<Record<string, string>> = {
  'node.id': 'the node ID (docker node ls)',
  'node.hostname': 'the node host name',
  'node.ip': 'the node address, or a CIDR range such as 10.0.0.0/24',
  'node.role': 'manager or worker',
  'node.platform.os': 'the node operating system, e.g. linux or windows',
  'node.platform.arch': 'the node architecture as the engine reports it, e.g. x86_64 or aarch64',
};

/** Attribute prefixes followed by a label name: node labels set by operators, engine labels from daemon.json. */
export const CONSTRAINT_LABEL_PREFIXES: readonly string[] = ['node.labels.', 'engine.labels.'];

const updateKeys = (what: 'update' | 'rollback'): Record<string, DeployKeyFact> => {
  const docUrl = `${DEPLOY}#${what}_config`;
  const swarmOnly = { honouredByCompose: false, honouredByStack: true, docUrl } as const;
  const subject = what === 'update' ? 'an update' : 'a rollback';
  return {
    [`${what}_config`]: { meaning: `How Swarm rolls out ${subject}: batch size, pace, failure handling and order.`, ...swarmOnly },
    [`${what}_config.parallelism`]: { meaning: `Tasks changed at the same time during ${subject}; 0 changes all at once.`, default: '1', ...swarmOnly },
    [`${what}_config.delay`]: { meaning: `Wait between batches of ${subject} (duration).`, default: '0s', ...swarmOnly },
    [`${what}_config.failure_action`]: {
      meaning: what === 'update' ? 'What Swarm does when an update fails.' : "What Swarm does when a rollback fails ('rollback' is accepted but acts like 'pause').",
      values: DEPLOY_ENUMS[`${what}_config.failure_action`].stack,
      default: 'pause',
      ...swarmOnly,
    },
    [`${what}_config.monitor`]: { meaning: `How long Swarm watches each changed task for failure during ${subject} (duration).`, default: '5s', ...swarmOnly },
    [`${what}_config.max_failure_ratio`]: { meaning: `Fraction of failed tasks (0 to 1) tolerated during ${subject}.`, default: '0', ...swarmOnly },
    [`${what}_config.order`]: {
      meaning: `stop-first stops the old task before starting the new one; start-first runs both briefly (a host-mode port cannot be held by both).`,
      values: DEPLOY_ENUMS[`${what}_config.order`].stack,
      default: 'stop-first',
      ...swarmOnly,
    },
  };
};

/** Keyed by the dotted path below `deploy` (list items have no index: `resources.reservations.devices.count`). */
export const DEPLOY_KEYS: Readonly<Record<string, DeployKeyFact>> = {
  mode: {
    meaning: 'replicated runs `replicas` tasks; global one task on every eligible node; the -job modes run tasks to completion. Cannot change on an existing service. docker compose ignores it (one container, or `replicas`).',
    values: DEPLOY_ENUMS.mode.stack,
    default: 'replicated',
    honouredByCompose: false,
    honouredByStack: true,
    docUrl: `${DEPLOY}#mode`,
  },
  replicas: {
    meaning: 'Number of tasks (stack) or containers (compose) to run; only with replicated modes. For replicated-job: total completions and maximum concurrency.',
    default: '1',
    honouredByCompose: true,
    honouredByStack: true,
    docUrl: `${DEPLOY}#replicas`,
  },
  endpoint_mode: {
    meaning: 'vip: the service name resolves to one virtual IP that load-balances over the tasks; dnsrr: it resolves to the task IPs (bring your own load balancer; no ingress-published ports). In both modes `tasks.<service>` resolves to the IP of every running task.',
    values: DEPLOY_ENUMS.endpoint_mode.stack,
    default: 'vip',
    honouredByCompose: false,
    honouredByStack: true,
    docUrl: `${DEPLOY}#endpoint_mode`,
  },
  labels: {
    meaning: 'Labels on the Swarm service object, not on its containers (use service-level labels for those).',
    honouredByCompose: false,
    honouredByStack: true,
    docUrl: `${DEPLOY}#labels`,
  },
  resources: { meaning: 'Resource limits (hard caps) and reservations (scheduling guarantees).', honouredByCompose: true, honouredByStack: true, docUrl: `${DEPLOY}#resources` },
  'resources.limits': { meaning: 'Hard caps the runtime enforces on each container.', honouredByCompose: true, honouredByStack: true, docUrl: `${DEPLOY}#resources` },
  'resources.limits.cpus': {
    meaning: "CPU cores a container may use, e.g. '0.5'. Stack files must quote it (the v3.13 schema wants a string).",
    honouredByCompose: true,
    honouredByStack: true,
    docUrl: `${DEPLOY}#resources`,
  },
  'resources.limits.memory': { meaning: "Memory cap as a byte value, e.g. '512m' or '1g'.", honouredByCompose: true, honouredByStack: true, docUrl: `${DEPLOY}#resources` },
  'resources.limits.pids': { meaning: 'Maximum number of processes in a container.', honouredByCompose: true, honouredByStack: true, docUrl: `${DEPLOY}#pids` },
  'resources.reservations': {
    meaning: 'Guaranteed resources: Swarm places a task only on a node with that much unreserved capacity (otherwise it stays pending).',
    honouredByCompose: true,
    honouredByStack: true,
    docUrl: `${DEPLOY}#resources`,
  },
  'resources.reservations.cpus': { meaning: 'CPU cores reserved for scheduling (Swarm only; docker compose ignores it).', honouredByCompose: false, honouredByStack: true, docUrl: `${DEPLOY}#resources` },
  'resources.reservations.memory': { meaning: 'Memory reserved for scheduling (stack) or soft memory limit (compose), as a byte value.', honouredByCompose: true, honouredByStack: true, docUrl: `${DEPLOY}#resources` },
  'resources.reservations.generic_resources': {
    meaning: 'Node-advertised resources (e.g. GPUs) a task needs before Swarm places it.',
    honouredByCompose: false,
    honouredByStack: true,
    docUrl: `${SERVICE_CREATE}#generic-resources`,
  },
  'resources.reservations.generic_resources.discrete_resource_spec': { meaning: 'A countable resource: kind and value.', honouredByCompose: false, honouredByStack: true, docUrl: `${SERVICE_CREATE}#generic-resources` },
  'resources.reservations.generic_resources.discrete_resource_spec.kind': { meaning: 'Resource kind as the nodes advertise it, e.g. NVIDIA-GPU.', honouredByCompose: false, honouredByStack: true, docUrl: `${SERVICE_CREATE}#generic-resources` },
  'resources.reservations.generic_resources.discrete_resource_spec.value': { meaning: 'How many units of the kind the task needs.', honouredByCompose: false, honouredByStack: true, docUrl: `${SERVICE_CREATE}#generic-resources` },
  'resources.reservations.devices': {
    meaning: 'Device requests (typically GPUs) for the container. docker compose only: the v3.13 stack schema refuses it.',
    honouredByCompose: true,
    honouredByStack: false,
    docUrl: `${DEPLOY}#devices`,
  },
  'resources.reservations.devices.capabilities': { meaning: 'Required device capabilities, e.g. [gpu] or [gpu, utility].', honouredByCompose: true, honouredByStack: false, docUrl: `${DEPLOY}#capabilities` },
  'resources.reservations.devices.count': { meaning: "Number of devices, or 'all'. Not together with device_ids.", honouredByCompose: true, honouredByStack: false, docUrl: `${DEPLOY}#count` },
  'resources.reservations.devices.device_ids': { meaning: 'Specific device IDs to use. Not together with count.', honouredByCompose: true, honouredByStack: false, docUrl: `${DEPLOY}#device_ids` },
  'resources.reservations.devices.driver': { meaning: 'Device driver, e.g. nvidia.', honouredByCompose: true, honouredByStack: false, docUrl: `${DEPLOY}#driver` },
  'resources.reservations.devices.options': { meaning: 'Driver-specific options.', honouredByCompose: true, honouredByStack: false, docUrl: `${DEPLOY}#options` },
  // docker/compose pkg/compose/create.go getRestartPolicy: the deploy policy replaces `restart` entirely, and
  // an absent condition maps to the engine's "" policy, which never restarts (moby hostconfig.go IsNone).
  restart_policy: {
    meaning: 'When to restart containers that exit. Under docker compose it replaces the service-level `restart`, and without a `condition` it means no restart at all.',
    honouredByCompose: true,
    honouredByStack: true,
    docUrl: `${DEPLOY}#restart_policy`,
  },
  'restart_policy.condition': {
    meaning: 'none, on-failure or any. docker compose also passes no, always and unless-stopped to the engine; Swarm refuses those.',
    values: DEPLOY_ENUMS['restart_policy.condition'].stack,
    // moby daemon/cluster/convert/service.go: Swarm fills in `any`; Compose sends the empty policy.
    default: 'no restart under docker compose once `restart_policy` is present; `any` under Swarm',
    honouredByCompose: true,
    honouredByStack: true,
    docUrl: `${DEPLOY}#restart_policy`,
  },
  'restart_policy.delay': { meaning: 'Wait between restart attempts (duration; Swarm only).', default: '5s (Swarm)', honouredByCompose: false, honouredByStack: true, docUrl: `${DEPLOY}#restart_policy` },
  'restart_policy.max_attempts': { meaning: 'Restart attempts before giving up; failures outside the window do not count. Under docker compose only with `condition: on-failure`: the engine refuses a retry count with `any` or `none`.', default: 'unlimited', honouredByCompose: true, honouredByStack: true, docUrl: `${DEPLOY}#restart_policy` },
  'restart_policy.window': { meaning: 'How long a restarted task must run to count as started (duration; Swarm only).', default: '0s: decide immediately', honouredByCompose: false, honouredByStack: true, docUrl: `${DEPLOY}#restart_policy` },
  ...updateKeys('update'),
  ...updateKeys('rollback'),
  placement: { meaning: 'Which nodes may run the tasks (Swarm only).', honouredByCompose: false, honouredByStack: true, docUrl: `${DEPLOY}#placement` },
  'placement.constraints': {
    meaning: 'Hard node filters, all of which must match: `attribute == value` or `!=`, on node.id, node.hostname, node.ip, node.role, node.platform.os, node.platform.arch, node.labels.<name>, engine.labels.<name>.',
    honouredByCompose: false,
    honouredByStack: true,
    docUrl: `${DEPLOY}#constraints`,
  },
  'placement.preferences': {
    meaning: 'Soft spreading over the values of a node label, in order of precedence: `spread: node.labels.<name>`.',
    honouredByCompose: false,
    honouredByStack: true,
    docUrl: `${DEPLOY}#preferences`,
  },
  'placement.preferences.spread': { meaning: 'node.labels.<name> or engine.labels.<name> whose values tasks are spread over.', honouredByCompose: false, honouredByStack: true, docUrl: `${DEPLOY}#preferences` },
  'placement.max_replicas_per_node': {
    meaning: 'At most this many tasks of the service on one node (replicated mode); extra tasks stay pending.',
    default: '0 (unlimited)',
    honouredByCompose: false,
    honouredByStack: true,
    docUrl: `${DEPLOY}#placement`,
  },
};
