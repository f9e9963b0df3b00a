/**
 * The network drivers Docker ships: their address scope, the `driver_opts` keys each understands, and
 * what each one is for (hovers and completion details); the `network_mode` values; what the driver
 * options do. Sources: https://docs.docker.com/engine/network/drivers/ (one page per driver, with the
 * Options tables), moby `daemon/libnetwork/drivers/*` option constants (which driver parses which
 * option: bridge `bridge_linux.go` parseNetworkOptions/fromLabels, overlay `ov_network.go`),
 * https://docs.docker.com/reference/compose-file/services/#network_mode, and COMPOSE-SEMANTICS.md
 * sections 2.1, 2.4 and 6.1.
 */
import { composeFileDoc } from './composeFileDocs';

/** What a driver or network mode is for, in a line plus a few short notes. */
export interface NetworkFact {
  /** One line: what it is. */
  readonly summary: string;
  /** Short lines: when to use it, isolation and DNS, reach, key options, gotchas. */
  readonly details: readonly string[];
}

export interface NetworkDriver extends Partial<NetworkFact> {
  readonly name: string;
  /** `local`: one host's address space; `swarm`: cluster-wide. Drivers without IPAM have none. */
  readonly scope?: 'local' | 'swarm';
  readonly docUrl: string;
  /** Known `driver_opts` keys; undefined when Shipshape does not check them. */
  readonly options?: readonly string[];
}

const DRIVERS_URL = 'https://docs.docker.com/engine/network/drivers/';

/**
 * Options the daemon itself reads for every driver (moby `daemon/network.go` createNetwork turns them into
 * the network's IPv4/IPv6 switches). `mtu` is parsed only by bridge and overlay, `container_iface_prefix`
 * only by bridge: macvlan and ipvlan take the parent interface's MTU and ignore both.
 */
const GENERIC_OPTIONS = ['com.docker.network.enable_ipv4', 'com.docker.network.enable_ipv6'];
const MTU = 'com.docker.network.driver.mtu';

const HOST: NetworkFact = {
  summary: 'No network isolation: the container uses the host\'s network stack and IP address directly.',
  details: [
    'Best performance, no NAT; published `ports` are discarded, the app listens on the host\'s ports.',
    'Only one process per port per host. Works on Docker Engine on Linux, and on Docker Desktop 4.34+ once enabled under Settings → Resources → Network (TCP/UDP only, Linux containers).',
    'It exists once per engine and cannot be created: in Compose use `network_mode: host`; in a stack, attach to the existing `host` network declared `external: true`.',
  ],
};

const NONE: NetworkFact = {
  summary: 'No networking: the container gets only a loopback interface.',
  details: ['For batch jobs or fully isolated workloads. The engine\'s `none` network uses the `null` driver; it exists once and cannot be created: use `network_mode: none`.'],
};

export const NETWORK_DRIVERS: readonly NetworkDriver[] = [
  {
    name: 'bridge',
    scope: 'local',
    docUrl: `${DRIVERS_URL}bridge/`,
    options: [
      ...GENERIC_OPTIONS,
      MTU,
      'com.docker.network.container_iface_prefix',
      'com.docker.network.bridge.name',
      'com.docker.network.bridge.enable_ip_masquerade',
      'com.docker.network.bridge.enable_icc',
      'com.docker.network.bridge.host_binding_ipv4',
      'com.docker.network.bridge.gateway_mode_ipv4',
      'com.docker.network.bridge.gateway_mode_ipv6',
      'com.docker.network.bridge.trusted_host_interfaces',
      'com.docker.network.bridge.inhibit_ipv4',
    ],
    summary: 'Single-host software switch: containers get private IPs and reach out through NAT; from outside the host they are reached only through published ports, while the host and containers on the same network reach every port directly.',
    details: [
      'Default driver for `docker compose`; user-defined bridges (like `<project>_default`) resolve service names by DNS and isolate their members.',
      'The engine\'s built-in `bridge` network (`docker0`, usually 172.17.0.0/16) has no DNS by name.',
      'Options: `com.docker.network.bridge.name` (≤15 chars), `com.docker.network.driver.mtu`, `com.docker.network.bridge.enable_icc`, `com.docker.network.bridge.host_binding_ipv4`.',
      'Without a subnet, Docker picks one from 172.17–31.0.0/16 or 192.168.x.0/20.',
    ],
  },
  {
    name: 'overlay',
    scope: 'swarm',
    docUrl: `${DRIVERS_URL}overlay/`,
    options: [...GENERIC_OPTIONS, MTU, 'encrypted', 'com.docker.network.driver.overlay.vxlanid_list'],
    summary: 'Multi-host network spanning swarm nodes, tunnelled over VXLAN (UDP 4789).',
    details: [
      'Needs swarm mode (`docker swarm init`); open 2377/tcp, 7946/tcp+udp and 4789/udp between nodes.',
      'Default driver for `docker stack deploy`; service names resolve by DNS across nodes.',
      'Set `attachable: true` so standalone containers (and `docker compose`) can join.',
      '`driver_opts: {encrypted: ""}` adds IPsec encryption (costs throughput, not on Windows). Default subnets are /24s from 10.0.0.0/8; keep overlays at /24 or smaller.',
    ],
  },
  {
    name: 'macvlan',
    scope: 'local',
    docUrl: `${DRIVERS_URL}macvlan/`,
    options: [...GENERIC_OPTIONS, 'parent', 'macvlan_mode'],
    summary: 'Gives each container its own MAC address on a parent interface, so it appears as a physical device on the LAN.',
    details: [
      'Set `driver_opts.parent` (e.g. `eth0`, or `eth0.50` to create an 802.1Q VLAN sub-interface); without it the network is isolated.',
      'Use the LAN\'s subnet and gateway, and keep containers away from router/DHCP addresses with `ip_range` or `aux_addresses`.',
      'The NIC/switch must accept several MACs per port (promiscuous mode); the host cannot reach its own macvlan containers through the parent.',
      '`macvlan_mode`: `bridge` (default), `vepa`, `passthru`, `private`.',
    ],
  },
  {
    name: 'ipvlan',
    scope: 'local',
    docUrl: `${DRIVERS_URL}ipvlan/`,
    options: [...GENERIC_OPTIONS, 'parent', 'ipvlan_mode', 'ipvlan_flag'],
    summary: 'Like macvlan, but containers share the parent interface\'s MAC address and get their own IPs.',
    details: [
      'Set `driver_opts.parent`; without it Docker uses an isolated dummy interface.',
      '`ipvlan_mode`: `l2` (default, same subnet as the LAN), `l3` or `l3s` (routed: own subnet, upstream routes, no broadcast/multicast).',
      '`ipvlan_flag`: `bridge` (default), `private`, `vepa`. Needs Linux kernel 4.2 or newer.',
    ],
  },
  { name: 'host', docUrl: `${DRIVERS_URL}host/`, options: [], ...HOST },
  // `null` is the driver of the engine's `none` network (moby daemon/libnetwork/drivers/null/null.go).
  { name: 'null', docUrl: `${DRIVERS_URL}none/`, options: [], ...NONE },
  // Windows container hosts: https://learn.microsoft.com/virtualization/windowscontainers/container-networking/network-drivers-topologies
  ...['nat', 'transparent', 'l2bridge', 'l2tunnel', 'ics'].map((name) => ({ name, docUrl: DRIVERS_URL })),
];

export function networkDriver(name: string): NetworkDriver | undefined {
  return NETWORK_DRIVERS.find((driver) => driver.name === name);
}

/** The driver of a network that names none: `docker stack deploy` creates overlays (docker/cli deploy.go). */
export function defaultDriver(mode: 'compose' | 'stack'): string {
  return mode === 'stack' ? 'overlay' : 'bridge';
}

/**
 * Drivers a user can create a network with. `host` and `null` back the engine's single `host` and `none`
 * networks ("only one instance of … network is allowed", moby drivers/host/host.go, drivers/null/null.go);
 * `none` is a network name, not a driver.
 */
export const CREATABLE_DRIVERS: readonly string[] = ['bridge', 'overlay', 'macvlan', 'ipvlan'];

const NETWORK_MODE_URL = composeFileDoc('services', 'network_mode');

/** `network_mode` values; `service` and `container` stand for `service:<name>` and `container:<name>`. */
export const NETWORK_MODES: Readonly<Record<'host' | 'none' | 'bridge' | 'service' | 'container', NetworkFact & { readonly docUrl: string }>> = {
  host: { ...HOST, docUrl: `${DRIVERS_URL}host/` },
  none: { ...NONE, docUrl: `${DRIVERS_URL}none/` },
  bridge: {
    summary: 'Joins the engine\'s built-in `bridge` network (`docker0`), not the project\'s network.',
    details: [
      'No DNS by service name there: other services are reachable only by IP or legacy `links`.',
      'Usually a mistake in Compose: leave `network_mode` out to use the project\'s `default` network.',
    ],
    docUrl: `${DRIVERS_URL}bridge/`,
  },
  service: {
    summary: 'Shares the network namespace of another service\'s container: same IP, same ports, `localhost` between them.',
    details: [
      'Like containers in one Kubernetes pod. Only ports published by the owning service are reachable from outside.',
      'The engine refuses `ports`, `expose`, `hostname`, `dns`, `extra_hosts` and `links` here; `dns_search`, `dns_opt` and `mac_address` have no effect. It starts after the owner.',
      'Ignored by `docker stack deploy`.',
    ],
    docUrl: NETWORK_MODE_URL,
  },
  container: {
    summary: 'Shares the network namespace of an existing container (by name or ID), which must already run.',
    details: [
      'Same IP and ports as that container. The engine refuses `ports`, `expose`, `hostname`, `dns`, `extra_hosts` and `links` here; `dns_search`, `dns_opt` and `mac_address` have no effect.',
      'Ignored by `docker stack deploy`.',
    ],
    docUrl: NETWORK_MODE_URL,
  },
};

export interface DriverOptionDoc {
  readonly summary: string;
  /** Allowed values, first the default, when the option is an enumeration. */
  readonly values?: readonly string[];
  /** What each value does, when the values need explaining. */
  readonly valueSummaries?: Readonly<Record<string, string>>;
}

/**
 * Bridge gateway modes (https://docs.docker.com/engine/network/port-publishing/#gateway-modes):
 * `routed` came with Engine 27.0, `nat-unprotected` and `isolated` with 28.0.
 */
const GATEWAY_MODES: Pick<DriverOptionDoc, 'values' | 'valueSummaries'> = {
  values: ['nat', 'nat-unprotected', 'routed', 'isolated'],
  valueSummaries: {
    nat: 'Masquerade outgoing traffic and map published ports to host ports (default).',
    'nat-unprotected': 'Like nat, but every container port is reachable from outside by routing, not only published ones (Engine 28.0+).',
    routed: 'No NAT: container addresses are routed; published ports open on the container address and no host port is used (Engine 27.0+).',
    isolated: 'No gateway address on the bridge, so the host cannot reach the network; for `internal` networks (Engine 28.0+).',
  },
};

/** What the `driver_opts` keys of the built-in drivers do (which drivers take them: `options` above). */
export const DRIVER_OPTION_DOCS: Readonly<Record<string, DriverOptionDoc>> = {
  'com.docker.network.bridge.name': { summary: 'Name of the Linux bridge interface on the host (at most 15 characters).' },
  'com.docker.network.bridge.enable_icc': { summary: 'Whether containers on this network may talk to each other.', values: ['true', 'false'] },
  'com.docker.network.bridge.enable_ip_masquerade': { summary: 'NAT outgoing traffic behind the host\'s address; without it containers need routable addresses.', values: ['true', 'false'] },
  // moby daemon/libnetwork/drivers/bridge/labels.go has only this key (DefaultBindingIP); there is no `host_binding_ip`.
  'com.docker.network.bridge.host_binding_ipv4': { summary: 'Default host address for published ports that name none (despite the name, IPv6 works too). Only the gateway network\'s value applies, e.g. `127.0.0.1` keeps its ports local.' },
  'com.docker.network.bridge.gateway_mode_ipv4': { summary: 'How IPv4 traffic leaves the network: NAT, direct routing, or isolated (needs `internal`). `routed` needs Engine 27.0+, the others 28.0+.', ...GATEWAY_MODES },
  'com.docker.network.bridge.gateway_mode_ipv6': { summary: 'How IPv6 traffic leaves the network: NAT, direct routing, or isolated (needs `internal`). `routed` needs Engine 27.0+, the others 28.0+.', ...GATEWAY_MODES },
  'com.docker.network.bridge.inhibit_ipv4': { summary: 'Do not give the bridge an IPv4 address (the gateway lives elsewhere).', values: ['true', 'false'] },
  // moby a94643a (Engine 28.2).
  'com.docker.network.bridge.trusted_host_interfaces': { summary: 'Host interfaces (colon-separated) from which published ports are also reachable on the container addresses directly. Needs Engine 28.2+.' },
  'com.docker.network.driver.mtu': { summary: 'MTU of the containers\' interfaces; lower it below the path MTU for VPNs and tunnels.' },
  'com.docker.network.container_iface_prefix': { summary: 'Prefix for interface names inside containers instead of `eth`.' },
  'com.docker.network.enable_ipv6': { summary: 'Give the network IPv6 addresses; the `enable_ipv6` key says the same more plainly and wins over it.', values: ['true', 'false'] },
  'com.docker.network.enable_ipv4': { summary: 'Set to `false` for an IPv6-only network (Engine 28.0+); the `enable_ipv4` key says the same more plainly and wins over it.', values: ['true', 'false'] },
  encrypted: { summary: 'Encrypt VXLAN traffic between nodes with IPsec (ESP, IP protocol 50); costs throughput and is not supported for Windows nodes. Set it to an empty string.' },
  'com.docker.network.driver.overlay.vxlanid_list': { summary: 'VXLAN IDs to use for this network\'s subnets, comma-separated.' },
  parent: { summary: 'Host interface the containers sit on, e.g. `eth0`; `eth0.50` makes Docker create the 802.1Q VLAN 50 sub-interface.' },
  macvlan_mode: { summary: 'How macvlan endpoints reach each other: `bridge` directly, `vepa` through the switch, `passthru` one container owns the NIC, `private` not at all.', values: ['bridge', 'vepa', 'passthru', 'private'] },
  ipvlan_mode: { summary: '`l2`: containers share the LAN\'s subnet; `l3`/`l3s`: routed, own subnet, no broadcast or multicast.', values: ['l2', 'l3', 'l3s'] },
  ipvlan_flag: { summary: 'Traffic between endpoints: `bridge` directly, `private` blocked, `vepa` through the switch.', values: ['bridge', 'private', 'vepa'] },
};

/** The drivers that take a `driver_opts` key. */
export function driversWithOption(option: string): NetworkDriver[] {
  return NETWORK_DRIVERS.filter((driver) => driver.options?.includes(option));
}
