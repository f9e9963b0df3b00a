/**
 * The network drivers Docker ships: their address scope, the `driver_opts` keys each understands, and
 * what each one is for (hovers and completion details); the `network_mode` values; what the driver
 * options do. Sources: https://docs.docker.com/engine/network/drivers/ (one page per driver, with the
 * Options tables), moby `daemon/libnetwork/drivers/*` option constants,
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

/** Options libnetwork accepts for every driver (generic labels). */
const GENERIC_OPTIONS = ['com.docker.network.driver.mtu', 'com.docker.network.container_iface_prefix', 'com.docker.network.enable_ipv6'];

const HOST: NetworkFact = {
  summary: 'No network isolation: the container uses the host\'s network stack and IP address directly.',
  details: [
    'Best performance, no NAT; published `ports` are discarded, the app listens on the host\'s ports.',
    'Only one process per port per host; Linux only (Docker Desktop runs it inside its VM).',
    'In Compose use `network_mode: host`; in a stack, attach to the existing `host` network.',
  ],
};

const NONE: NetworkFact = {
  summary: 'No networking: the container gets only a loopback interface.',
  details: ['For batch jobs or fully isolated workloads; in Compose use `network_mode: none`.'],
};

export const NETWORK_DRIVERS: readonly NetworkDriver[] = [
  {
    name: 'bridge',
    scope: 'local',
    docUrl: `${DRIVERS_URL}bridge/`,
    options: [
      ...GENERIC_OPTIONS,
      'com.docker.network.bridge.name',
      'com.docker.network.bridge.enable_ip_masquerade',
      'com.docker.network.bridge.enable_icc',
      'com.docker.network.bridge.host_binding_ipv4',
      'com.docker.network.bridge.host_binding_ip',
      'com.docker.network.bridge.gateway_mode_ipv4',
      'com.docker.network.bridge.gateway_mode_ipv6',
      'com.docker.network.bridge.trusted_host_interfaces',
      'com.docker.network.bridge.inhibit_ipv4',
    ],
    summary: 'Single-host software switch: containers get private IPs, reach out through NAT, and are reached only through published ports.',
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
    options: [...GENERIC_OPTIONS, 'encrypted', 'com.docker.network.driver.overlay.vxlanid_list'],
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
  { name: 'none', docUrl: `${DRIVERS_URL}none/`, options: [], ...NONE },
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

/** Drivers a user can create a network with (`host` and `none` exist once per engine and cannot be created). */
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
      'This service cannot set `ports`, `hostname`, `dns` or `extra_hosts`, and starts after the owner.',
      'Ignored by `docker stack deploy`.',
    ],
    docUrl: NETWORK_MODE_URL,
  },
  container: {
    summary: 'Shares the network namespace of an existing container (by name or ID), which must already run.',
    details: [
      'Same IP and ports as that container; this service cannot set `ports`, `hostname`, `dns` or `extra_hosts`.',
      'Ignored by `docker stack deploy`.',
    ],
    docUrl: NETWORK_MODE_URL,
  },
};

export interface DriverOptionDoc {
  readonly summary: string;
  /** Allowed values, first the default, when the option is an enumeration. */
  readonly values?: readonly string[];
}

/** What the `driver_opts` keys of the built-in drivers do (which drivers take them: `options` above). */
export const DRIVER_OPTION_DOCS: Readonly<Record<string, DriverOptionDoc>> = {
  'com.docker.network.bridge.name': { summary: 'Name of the Linux bridge interface on the host (at most 15 characters).' },
  'com.docker.network.bridge.enable_icc': { summary: 'Whether containers on this network may talk to each other.', values: ['true', 'false'] },
  'com.docker.network.bridge.enable_ip_masquerade': { summary: 'NAT outgoing traffic behind the host\'s address; without it containers need routable addresses.', values: ['true', 'false'] },
  'com.docker.network.bridge.host_binding_ipv4': { summary: 'Default host address for published ports that name none (despite the name, IPv6 works too).' },
  // moby libnetwork/drivers/bridge labels.go: a newer synonym of host_binding_ipv4.
  'com.docker.network.bridge.host_binding_ip': { summary: 'Default host address (IPv4 or IPv6) for published ports that name none; same as `host_binding_ipv4`.' },
  'com.docker.network.bridge.gateway_mode_ipv4': { summary: 'How IPv4 traffic leaves the network: NAT, direct routing, or isolated (needs `internal`).', values: ['nat', 'nat-unprotected', 'routed', 'isolated'] },
  'com.docker.network.bridge.gateway_mode_ipv6': { summary: 'How IPv6 traffic leaves the network: NAT, direct routing, or isolated (needs `internal`).', values: ['nat', 'nat-unprotected', 'routed', 'isolated'] },
  'com.docker.network.bridge.inhibit_ipv4': { summary: 'Do not give the bridge an IPv4 address (the gateway lives elsewhere).', values: ['true', 'false'] },
  'com.docker.network.bridge.trusted_host_interfaces': { summary: 'Host interfaces (colon-separated) allowed to reach container addresses directly.' },
  'com.docker.network.driver.mtu': { summary: 'MTU of the containers\' interfaces; lower it below the path MTU for VPNs and tunnels.' },
  'com.docker.network.container_iface_prefix': { summary: 'Prefix for interface names inside containers instead of `eth`.' },
  'com.docker.network.enable_ipv6': { summary: 'Give the network IPv6 addresses; the `enable_ipv6` key says the same more plainly.', values: ['true', 'false'] },
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
