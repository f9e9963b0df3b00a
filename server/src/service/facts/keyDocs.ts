/**
 * Curated, networking-focused explanations of Compose keys, in our own words, used by hover in place of
 * the schema's one-line description. Keys not listed here are documented from the schema alone.
 * Paths use `*` for names and list indexes (see `patternKey`). Sources: the Compose file reference
 * (https://docs.docker.com/reference/compose-file/), the Docker networking docs, and
 * COMPOSE-SEMANTICS.md sections 2.5–2.7 and 6.2–6.5.
 */
export interface KeyDoc {
  readonly summary: string;
  /** The summary in stack files, where `docker stack deploy` gives the key another meaning. */
  readonly stackSummary?: string;
  readonly default?: string;
}

export const KEY_DOCS: Readonly<Record<string, KeyDoc>> = {
  version: { summary: 'Obsolete: Compose ignores it and warns. For `docker stack deploy` it selects the 3.x file format (absent means 3.13).' },
  name: { summary: 'Project name: prefixes container, network and volume names (`<name>_default`). Not allowed in stack files.', default: 'the folder name' },
  'services.*.deploy': { summary: 'Orchestrator settings: fully used by `docker stack deploy`; `docker compose up` reads only replicas, resource limits and reservations, and the restart condition and attempts.' },
  'services.*.ports': {
    summary: 'Publishes container ports on the host. Without a host IP they listen on every address (0.0.0.0 and ::), or on the gateway network\'s `host_binding_ipv4`, and other machines reach them: host firewalls such as ufw do not filter them. Bind to `127.0.0.1` to keep a port local.',
    stackSummary: 'Publishes container ports through the swarm: in the default ingress mode the port opens on every node (routing mesh) and load-balances over the tasks; `mode: host` opens it only where a task runs. Stack ports take no host IP.',
  },
  'services.*.expose': { summary: 'Documents ports other containers may use; nothing is published to the host. Containers on a shared network reach every listening port anyway. Ignored by stacks.' },
  'services.*.networks': { summary: 'Networks this service joins. Services on a shared network reach each other by service name; without this key the service joins `default`.', default: '`default`' },
  'services.*.networks.*.aliases': { summary: 'Extra DNS names for this service on this network only. An alias shared by several services resolves to any of them.' },
  // Engine 29.0.4+ accepts a static address without a configured subnet if the allocated one holds it
  // (moby 84a251d039, backported as 6280a80f32); before that the engine refused it.
  'services.*.networks.*.ipv4_address': { summary: 'Fixed IPv4 address on this network; not with replicas. Declare an `ipam.config` subnet containing it: engines before 29.0.4 refuse it otherwise, and later ones accept it only when the subnet Docker picks happens to contain it. Ignored by stacks.' },
  'services.*.networks.*.ipv6_address': { summary: 'Fixed IPv6 address on this network. Needs `enable_ipv6: true` on the network and an IPv6 subnet containing it. Ignored by stacks.' },
  // compose-spec 05-services.md "priority" and "gw_priority".
  'services.*.networks.*.priority': { summary: 'Order in which Compose connects the networks: higher first; a service-level `mac_address` goes to the highest. It does not choose the default gateway (use `gw_priority`) or interface names like `eth0` (use `interface_name`).', default: '0' },
  'services.*.networks.*.gw_priority': { summary: 'The network with the highest value provides the container\'s default gateway; on a tie Docker takes the network whose name sorts first. Needs Docker Engine 28.0+ and Compose 2.33+.', default: '0' },
  'services.*.networks.*.interface_name': { summary: 'Name of the interface inside the container for this network (e.g. `eth1`). Needs Docker Engine 28.1+ and Compose 2.36+ (Compose refuses it on older engines).' },
  'services.*.networks.*.mac_address': { summary: 'MAC address of the container\'s interface on this network. Needs Docker Engine 25+ (API 1.44); prefer it to the deprecated service-level `mac_address`.' },
  'services.*.networks.*.driver_opts': { summary: 'Options for this service\'s endpoint on the network, e.g. `com.docker.network.endpoint.sysctls` (comma-separated, `IFNAME` stands for the interface; Engine 27+) or `com.docker.network.endpoint.ifname`. Needs Compose 2.27.1+.' },
  'services.*.networks.*.link_local_ips': { summary: 'Extra link-local addresses (169.254.0.0/16, fe80::/10) for the container on this network.' },
  'services.*.network_mode': { summary: 'Use a special network stack instead of project networks: `host`, `none`, `bridge`, `service:<name>` or `container:<name>`. Not together with `networks`; ignored by stacks.' },
  'services.*.depends_on': { summary: 'Start order: this service starts after the listed ones (long form: after they are healthy or completed). It does not wait for readiness unless a condition says so. Ignored by stacks.' },
  'services.*.links': { summary: 'Legacy: adds hostnames (and `SERVICE:ALIAS` aliases) for other services and a start order. On user-defined networks names already resolve by DNS; on the default `bridge` (`network_mode: bridge`) links are the only way, and reach only containers on that bridge. Before Engine 29 they also copied the target\'s environment variables. Refused with `network_mode: host` and shared namespaces; ignored by stacks.' },
  'services.*.extends': { summary: 'Start from another service\'s configuration (in this or another file) and override parts of it. Not supported by stacks.' },
  'services.*.dns': { summary: 'Upstream DNS servers instead of the host\'s. On user-defined networks the container still asks Docker\'s embedded DNS server (127.0.0.11) first, which answers service names and forwards the rest to these servers.' },
  'services.*.dns_search': { summary: 'Search domains appended to short host names (service names still resolve first through the embedded DNS at 127.0.0.11).' },
  'services.*.dns_opt': { summary: 'resolv.conf options such as `ndots:2`. Not supported by stacks.' },
  'services.*.hostname': { summary: 'Host name seen inside the container. Other containers still reach the service by its service name.' },
  'services.*.extra_hosts': { summary: 'Adds `/etc/hosts` entries; `host-gateway` stands for the host\'s address.' },
  'services.*.profiles': { summary: 'The service starts only when one of these profiles is enabled (`--profile`). Without profiles it always starts.' },
  'services.*.secrets': { summary: 'Secrets mounted as files under `/run/secrets/<name>`. Stacks keep them encrypted on the managers; Compose bind-mounts the file.' },
  // docker/cli cli/compose/convert/service.go (0o444 for both); docker/compose pkg/compose/secrets.go (file secrets are bind mounts).
  'services.*.secrets.*.mode': { summary: 'File permission mode inside the container, in octal. Swarm defaults to 0444 (world-readable) for secrets and configs alike; Compose ignores `mode`, `uid` and `gid` for `file` secrets, which it bind-mounts.', default: '0444' },
  'services.*.configs.*.mode': { summary: 'File permission mode inside the container, in octal. Swarm defaults to 0444 (world-readable); Compose ignores `mode`, `uid` and `gid` for `file` configs, which it bind-mounts.', default: '0444' },
  'services.*.configs': { summary: 'Configuration files mounted into the container (default `/<name>`).' },
  'services.*.healthcheck': { summary: 'Command Docker runs to judge the container healthy. Swarm routes traffic only to healthy tasks; Compose uses it for `condition: service_healthy`.' },
  'services.*.healthcheck.interval': { summary: 'Time between checks.', default: '30s' },
  'services.*.healthcheck.timeout': { summary: 'A check taking longer counts as failed.', default: '30s' },
  'services.*.healthcheck.retries': { summary: 'Consecutive failures before the container is unhealthy.', default: '3' },
  'services.*.healthcheck.start_period': { summary: 'Start-up grace time: failures in it do not count.', default: '0s' },
  'services.*.healthcheck.start_interval': { summary: 'Time between checks during the start period. Needs Docker Engine 25+ (API 1.44) and Compose 2.20.2+; stack files need `version: "3.12"` or later.', default: '5s' },
  'services.*.restart': { summary: 'Restart policy for the container. `deploy.restart_policy` overrides it; stacks use it only as a fallback.', default: '`no`' },
  'services.*.logging': { summary: 'Where the container\'s output goes: a logging driver and its options.' },
  // Versions from the Docker docs: compose/how-tos/model-runner ("Requires: Docker Compose 2.38.0"),
  // compose/how-tos/provider-services (2.36.0), reference/compose-file/develop (2.22.0) and the Compose
  // 2.32.0 release notes (the `restart` and `sync+exec` watch actions).
  models: { summary: 'AI models the application uses, pulled and served by Docker Model Runner or another platform that supports Compose models; services list the ones they need under `models`. Needs Compose 2.38+. Not in stack files.' },
  'models.*.model': { summary: 'The model to run, as an OCI reference such as `ai/smollm2` (Docker Hub\'s `ai/` namespace) or `hf.co/…`.' },
  'models.*.context_size': { summary: 'The largest context, in tokens, the runner serves the model with; bigger costs more memory.' },
  'models.*.runtime_flags': { summary: 'Raw flags passed to the inference engine (for Docker Model Runner, llama.cpp).' },
  'services.*.models': { summary: 'Models this service uses: Compose gives the service each model\'s endpoint URL and name in environment variables (named by the model, or as the long form says). Needs Compose 2.38+.' },
  'services.*.provider': { summary: 'Makes this a provider service: Compose runs no container for it but hands its setup and teardown to the component `type` names (for example `model` for Docker Model Runner), which passes what it set up to the services that depend on it. Needs Compose 2.36+. Not in stack files.' },
  'services.*.provider.type': { summary: 'Which provider manages the service, e.g. `model` for Docker Model Runner.' },
  'services.*.provider.options': { summary: 'Settings passed to the provider as they are written; which ones exist depends on the provider.' },
  'services.*.develop': { summary: 'Compose Watch: what `docker compose watch` (or `up --watch`) does when files change. Needs Compose 2.22+. Not in stack files.' },
  'services.*.develop.watch': { summary: 'Watch rules, each a `path` on the host and an `action`: copy changed files into the running container, restart it, or rebuild the image. `restart` and `sync+exec` need Compose 2.32+.' },
  'services.*.develop.watch.*.path': { summary: 'File or folder on the host to watch, relative to the Compose file.' },
  'services.*.develop.watch.*.target': { summary: 'Where changed files go in the container, for the `sync` actions.' },
  'services.*.develop.watch.*.ignore': { summary: 'Patterns, relative to `path`, whose changes do nothing (`.dockerignore` rules apply too).' },
  'networks.*.driver': { summary: 'Network driver: `bridge` for one host, `overlay` across swarm nodes, `macvlan`/`ipvlan` to sit on the LAN.', default: '`bridge` (compose), `overlay` (stack)' },
  'networks.*.driver_opts': { summary: 'Driver-specific options, e.g. `com.docker.network.bridge.name` or overlay `encrypted`.' },
  'networks.*.attachable': { summary: 'Lets standalone containers (and `docker compose`) join a swarm-scoped overlay network.', default: 'false' },
  'networks.*.internal': { summary: 'No route to the outside world: no NAT, no published ports reachable from outside. Members still talk to each other.', default: 'false' },
  'networks.*.external': { summary: 'The network already exists; Compose does not create it and fails if it is missing. Other keys than `name` are ignored. Stacks need a swarm-scoped network (or `host`).', default: 'false' },
  'networks.*.name': { summary: 'The literal engine name of the network, not prefixed with the project name.', default: '`<project>_<key>`' },
  // moby daemon/daemon.go deriveULABaseNetwork (Engine 27.0): a host-derived ULA /48 pool when none is configured.
  'networks.*.enable_ipv6': { summary: 'Give containers IPv6 addresses. Without an IPv6 subnet Docker picks a /64 from its pools (since Engine 27, a ULA `fdxx::/48` by default). An IPv6 subnet without this key is ignored. Not in stack files.', default: 'false' },
  'networks.*.enable_ipv4': { summary: 'Set to false for an IPv6-only network. Needs Docker Engine 28.0+ and Compose 2.33.1+. Not in stack files.', default: 'true' },
  'networks.*.ipam': { summary: 'IP address management: which driver hands out addresses and which subnets it uses.' },
  'networks.*.ipam.driver': { summary: 'IPAM driver that hands out the subnets and addresses: `default` (built in), `null` (no addresses, for networks that manage none) or a plugin such as Infoblox, installed on every host.', default: '`default`' },
  'networks.*.ipam.config': { summary: 'Address pools of this network: each with a `subnet` and optionally `ip_range`, `gateway`, `aux_addresses` (stacks: `subnet` only).' },
  'networks.*.ipam.config.*.subnet': { summary: 'The network\'s address block in CIDR notation, with no host bits set (`172.28.0.0/16`, not `172.28.5.0/16`). Use a private range (RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) that overlaps no other network on the host or your LAN.' },
  'networks.*.ipam.config.*.ip_range': { summary: 'Sub-range of the subnet from which containers get dynamic addresses; put static IPs outside it to avoid clashes.' },
  'networks.*.ipam.config.*.gateway': { summary: 'Gateway address inside the subnet.', default: 'the first usable address' },
  'networks.*.ipam.config.*.aux_addresses': { summary: 'Addresses reserved for other devices (router, DHCP server); never given to containers.' },
  'networks.*.ipam.options': { summary: 'Options for the IPAM driver. Not in stack files.' },
};
