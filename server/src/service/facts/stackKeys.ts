/**
 * What `docker stack deploy` does with service keys that plain Compose honours, from docker/cli
 * `cli/compose/types/types.go` (ForbiddenProperties, UnsupportedProperties, DeprecatedProperties),
 * `cli/compose/loader/loader.go` and `cli/compose/convert/service.go` (commit 28f7560). Plain data, read
 * by the stack analyses and by hovers. Keys the v3.13 schema lacks entirely are derived from the
 * vendored schema at run time; `UNSUPPORTED_ADVICE` only adds what to write instead.
 */
import { composeFileDoc } from './composeFileDocs';

export const STACK_DEPLOY_DOCS = 'https://docs.docker.com/reference/cli/docker/stack/deploy/';
const DEPLOY_DOCS = composeFileDoc('deploy');

export interface StackKeyFact {
  /** What happens to the key under `docker stack deploy`, and what to do instead. */
  readonly advice: string;
  readonly docUrl: string;
}

/** Keys that make `docker stack deploy` refuse the file ("compose file contains unsupported options"). */
export const FORBIDDEN_SERVICE_KEYS: Readonly<Record<string, StackKeyFact>> = {
  extends: { advice: 'stacks do not support extends: copy the shared settings in (YAML anchors and merge keys work)', docUrl: STACK_DEPLOY_DOCS },
  volume_driver: { advice: 'declare a volume under the top-level volumes with its driver and mount that volume', docUrl: composeFileDoc('volumes') },
  volumes_from: { advice: 'declare a volume under the top-level volumes and mount it in each service that shares it', docUrl: composeFileDoc('volumes') },
  cpu_quota: { advice: 'set deploy.resources.limits.cpus instead', docUrl: DEPLOY_DOCS },
  cpu_shares: { advice: 'set deploy.resources.limits.cpus or reservations.cpus instead', docUrl: DEPLOY_DOCS },
  cpuset: { advice: 'swarm services cannot pin CPUs; set deploy.resources.limits.cpus instead', docUrl: DEPLOY_DOCS },
  mem_limit: { advice: 'set deploy.resources.limits.memory instead', docUrl: DEPLOY_DOCS },
  memswap_limit: { advice: 'swarm services have no swap limit; set deploy.resources.limits.memory instead', docUrl: DEPLOY_DOCS },
};

/**
 * Keys `docker stack deploy` accepts but drops with "Ignoring unsupported options". `restart` is special:
 * docker/cli lists it here yet still converts it when `deploy.restart_policy` is absent (see the stack
 * analysis), so its advice depends on the file.
 */
export const IGNORED_SERVICE_KEYS: Readonly<Record<string, StackKeyFact>> = {
  build: { advice: 'stacks never build: build and push the image first (docker compose build && docker compose push), then deploy with image:', docUrl: STACK_DEPLOY_DOCS },
  cgroupns_mode: { advice: 'swarm services always use the daemon default cgroup namespace mode', docUrl: STACK_DEPLOY_DOCS },
  cgroup_parent: { advice: 'swarm services cannot choose a cgroup parent', docUrl: STACK_DEPLOY_DOCS },
  devices: { advice: 'swarm services cannot map host devices; use deploy.resources.reservations.generic_resources for scheduling on devices', docUrl: STACK_DEPLOY_DOCS },
  domainname: { advice: 'swarm services have no domain name setting; set hostname or dns_search instead', docUrl: STACK_DEPLOY_DOCS },
  external_links: { advice: 'attach the service to a shared (external) overlay network and use service names instead', docUrl: 'https://docs.docker.com/engine/swarm/networking/' },
  ipc: { advice: 'swarm services cannot share an IPC namespace', docUrl: STACK_DEPLOY_DOCS },
  links: { advice: 'services on the same overlay network reach each other by service name without links', docUrl: 'https://docs.docker.com/engine/swarm/networking/' },
  mac_address: { advice: 'swarm services cannot set a MAC address', docUrl: STACK_DEPLOY_DOCS },
  network_mode: { advice: 'attach the service to networks instead; for the host network declare the external network `host` and list it under the service networks', docUrl: 'https://docs.docker.com/engine/swarm/networking/' },
  pid: { advice: 'swarm services cannot share a PID namespace', docUrl: STACK_DEPLOY_DOCS },
  privileged: { advice: 'swarm services cannot run privileged; grant the needed capabilities with cap_add instead', docUrl: STACK_DEPLOY_DOCS },
  restart: { advice: 'use deploy.restart_policy.condition (none, on-failure or any) instead', docUrl: `${DEPLOY_DOCS}#restart_policy` },
  security_opt: { advice: 'swarm services cannot set security options', docUrl: STACK_DEPLOY_DOCS },
  shm_size: { advice: 'mount a tmpfs volume on /dev/shm instead', docUrl: STACK_DEPLOY_DOCS },
  userns_mode: { advice: 'swarm services always use the daemon user namespace setting', docUrl: STACK_DEPLOY_DOCS },
};

/** Keys `docker stack deploy` drops with "Ignoring deprecated options". */
export const DEPRECATED_SERVICE_KEYS: Readonly<Record<string, StackKeyFact>> = {
  container_name: { advice: 'swarm names task containers itself (<stack>_<service>.<slot>.<task id>)', docUrl: STACK_DEPLOY_DOCS },
  expose: { advice: 'services on the same network reach every port of each other without it', docUrl: 'https://docs.docker.com/engine/swarm/networking/' },
};

/**
 * What to write instead of keys the v3.13 schema lacks (keyed by the schema path of the object holding
 * them, `*` for any name or index). Keys without an entry get a generic message.
 */
export const UNSUPPORTED_ADVICE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '': {
    name: 'the stack name is the argument of `docker stack deploy -c FILE NAME`',
    include: 'merge the files with several -c options instead',
  },
  'services.*': {
    cpus: 'use deploy.resources.limits.cpus',
    mem_reservation: 'use deploy.resources.reservations.memory',
    pids_limit: 'use deploy.resources.limits.pids',
    scale: 'use deploy.replicas',
    profiles: 'stacks have no profiles: keep optional services in a separate stack file',
    platform: 'use a deploy.placement.constraints entry such as node.platform.arch==x86_64',
    gpus: 'use deploy.resources.reservations.generic_resources',
    dns_opt: 'swarm services only take dns and dns_search',
    pull_policy: 'use `docker stack deploy --resolve-image` to choose how images are resolved',
  },
  'services.*.ports.*': {
    host_ip: 'swarm publishes on every address of every node; restrict access with a firewall or an internal network',
    name: 'port names are a Compose-only label',
    app_protocol: 'the application protocol hint is Compose-only',
  },
  'services.*.networks.*': {
    priority: 'swarm attaches networks in its own order',
    gw_priority: 'swarm chooses the default gateway itself',
    interface_name: 'swarm names the interfaces itself',
    mac_address: 'swarm tasks cannot set a MAC address',
    link_local_ips: 'swarm tasks cannot set link-local addresses',
  },
  'networks.*': {
    enable_ipv6: 'create the network outside the stack (docker network create --ipv6 --driver overlay) and declare it external',
    enable_ipv4: 'create the network outside the stack and declare it external',
  },
  'networks.*.ipam': {
    options: 'create the network outside the stack with --ipam-opt and declare it external',
  },
  'networks.*.ipam.config.*': {
    ip_range: 'create the network outside the stack (docker network create --ip-range) and declare it external',
    gateway: 'create the network outside the stack (docker network create --gateway) and declare it external',
    aux_addresses: 'create the network outside the stack (docker network create --aux-address) and declare it external',
  },
  'services.*.deploy.resources.reservations': {
    devices: 'use generic_resources, which swarm nodes advertise as discrete resources',
  },
};
