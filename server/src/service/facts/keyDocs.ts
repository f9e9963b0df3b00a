/**
 * Curated, networking-focused explanations of Compose keys, in our own words, used by hover in place of
 * the schema's one-line description. Keys not listed here are documented from the schema alone.
 * Paths use `*` for names and list indexes (see `patternKey`). Sources: the Compose file reference
 * (https://docs.docker.com/reference/compose-file/), the Docker networking docs, and
 * COMPOSE-SEMANTICS.md sections 2.5–2.7 and 6.2–6.5.
 */
export interface KeyDoc {
  readonly summary: string;
  readonly default?: string;
}

export const KEY_DOCS: Readonly<Record<string, KeyDoc>> = {
  version: { summary: 'Obsolete: Compose ignores it and warns. For `docker stack deploy` it selects the 3.x file format (absent means 3.13).' },
  name: { summary: 'Project name: prefixes container, network and volume names (`<name>_default`). Not allowed in stack files.', default: 'the folder name' },
  'services.*.deploy': { summary: 'Orchestrator settings: fully used by `docker stack deploy`; `docker compose up` reads only replicas, resource limits and reservations, and the restart condition and attempts.' },
  'services.*.ports': { summary: 'Publishes container ports on the host. Without a host IP they listen on every address (0.0.0.0 and ::), so they are reachable from other machines.' },
  'services.*.expose': { summary: 'Documents ports other containers may use; nothing is published to the host. Containers on a shared network reach every listening port anyway. Ignored by stacks.' },
  'services.*.networks': { summary: 'Networks this service joins. Services on a shared network reach each other by service name; without this key the service joins `default`.', default: '`default`' },
  'services.*.networks.*.aliases': { summary: 'Extra DNS names for this service on this network only. An alias shared by several services resolves to any of them.' },
  'services.*.networks.*.ipv4_address': { summary: 'Fixed IPv4 address on this network. The network needs an `ipam.config` subnet containing it; not with replicas. Ignored by stacks.' },
  'services.*.networks.*.ipv6_address': { summary: 'Fixed IPv6 address on this network. Needs `enable_ipv6: true` and an IPv6 subnet containing it. Ignored by stacks.' },
  'services.*.networks.*.priority': { summary: 'Order in which Compose connects the networks: higher first.', default: '0' },
  'services.*.networks.*.gw_priority': { summary: 'The network with the highest value provides the container\'s default gateway.', default: '0' },
  'services.*.networks.*.interface_name': { summary: 'Name of the interface inside the container for this network (e.g. `eth1`).' },
  'services.*.networks.*.mac_address': { summary: 'MAC address of the container\'s interface on this network.' },
  'services.*.network_mode': { summary: 'Use a special network stack instead of project networks: `host`, `none`, `bridge`, `service:<name>` or `container:<name>`. Not together with `networks`; ignored by stacks.' },
  'services.*.depends_on': { summary: 'Start order: this service starts after the listed ones (long form: after they are healthy or completed). It does not wait for readiness unless a condition says so. Ignored by stacks.' },
  'services.*.links': { summary: 'Legacy: adds hostnames for other services. Services on a shared network already resolve each other by name. Ignored by stacks.' },
  'services.*.extends': { summary: 'Start from another service\'s configuration (in this or another file) and override parts of it. Not supported by stacks.' },
  'services.*.dns': { summary: 'DNS servers for the container\'s resolver instead of the host\'s. Service names still resolve through Docker\'s embedded DNS.' },
  'services.*.dns_search': { summary: 'Search domains appended to short host names.' },
  'services.*.dns_opt': { summary: 'resolv.conf options such as `ndots:2`. Not supported by stacks.' },
  'services.*.hostname': { summary: 'Host name seen inside the container. Other containers still reach the service by its service name.' },
  'services.*.extra_hosts': { summary: 'Adds `/etc/hosts` entries; `host-gateway` stands for the host\'s address.' },
  'services.*.profiles': { summary: 'The service starts only when one of these profiles is enabled (`--profile`). Without profiles it always starts.' },
  'services.*.secrets': { summary: 'Secrets mounted as files under `/run/secrets/<name>`. Stacks keep them encrypted on the managers; Compose bind-mounts the file.' },
  'services.*.configs': { summary: 'Configuration files mounted into the container (default `/<name>`).' },
  'services.*.healthcheck': { summary: 'Command Docker runs to judge the container healthy. Swarm routes traffic only to healthy tasks; Compose uses it for `condition: service_healthy`.' },
  'services.*.healthcheck.interval': { summary: 'Time between checks.', default: '30s' },
  'services.*.healthcheck.timeout': { summary: 'A check taking longer counts as failed.', default: '30s' },
  'services.*.healthcheck.retries': { summary: 'Consecutive failures before the container is unhealthy.', default: '3' },
  'services.*.healthcheck.start_period': { summary: 'Start-up grace time: failures in it do not count.', default: '0s' },
  'services.*.healthcheck.start_interval': { summary: 'Time between checks during the start period.', default: '5s' },
  'services.*.restart': { summary: 'Restart policy for the container. `deploy.restart_policy` overrides it; stacks use it only as a fallback.', default: '`no`' },
  'services.*.logging': { summary: 'Where the container\'s output goes: a logging driver and its options.' },
  'networks.*.driver': { summary: 'Network driver: `bridge` for one host, `overlay` across swarm nodes, `macvlan`/`ipvlan` to sit on the LAN.', default: '`bridge` (compose), `overlay` (stack)' },
  'networks.*.driver_opts': { summary: 'Driver-specific options, e.g. `com.docker.network.bridge.name` or overlay `encrypted`.' },
  'networks.*.attachable': { summary: 'Lets standalone containers (and `docker compose`) join a swarm-scoped overlay network.', default: 'false' },
  'networks.*.internal': { summary: 'No route to the outside world: no NAT, no published ports reachable from outside. Members still talk to each other.', default: 'false' },
  'networks.*.external': { summary: 'The network already exists; Compose does not create it and fails if it is missing. Only `name` may accompany it. Stacks need a swarm-scoped network.', default: 'false' },
  'networks.*.name': { summary: 'The literal engine name of the network, not prefixed with the project name.', default: '`<project>_<key>`' },
  'networks.*.enable_ipv6': { summary: 'Give containers IPv6 addresses; add an IPv6 subnet under `ipam.config` unless the daemon has IPv6 pools. Not in stack files.', default: 'false' },
  'networks.*.enable_ipv4': { summary: 'Set to false for an IPv6-only network. Not in stack files.', default: 'true' },
  'networks.*.ipam': { summary: 'IP address management: which driver hands out addresses and which subnets it uses.' },
  'networks.*.ipam.driver': { summary: 'IPAM driver.', default: '`default`' },
  'networks.*.ipam.config': { summary: 'Address pools of this network: each with a `subnet` and optionally `ip_range`, `gateway`, `aux_addresses` (stacks: `subnet` only).' },
  'networks.*.ipam.config.*.subnet': { summary: 'The network\'s address block in CIDR notation, with no host bits set (`172.28.0.0/16`, not `172.28.5.0/16`). Must not overlap other networks on the host.' },
  'networks.*.ipam.config.*.ip_range': { summary: 'Sub-range of the subnet from which containers get dynamic addresses; put static IPs outside it to avoid clashes.' },
  'networks.*.ipam.config.*.gateway': { summary: 'Gateway address inside the subnet.', default: 'the first usable address' },
  'networks.*.ipam.config.*.aux_addresses': { summary: 'Addresses reserved for other devices (router, DHCP server); never given to containers.' },
  'networks.*.ipam.options': { summary: 'Options for the IPAM driver. Not in stack files.' },
};
