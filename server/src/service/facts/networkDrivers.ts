/**
 * The network drivers Docker ships, their address scope and the `driver_opts` keys each understands.
 * Sources: https://docs.docker.com/engine/network/drivers/ (bridge, overlay, macvlan, ipvlan pages) and
 * moby `daemon/libnetwork/drivers/*` option constants.
 */

export interface NetworkDriver {
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
  },
  {
    name: 'overlay',
    scope: 'swarm',
    docUrl: `${DRIVERS_URL}overlay/`,
    options: [...GENERIC_OPTIONS, 'encrypted', 'com.docker.network.driver.overlay.vxlanid_list'],
  },
  { name: 'macvlan', scope: 'local', docUrl: `${DRIVERS_URL}macvlan/`, options: [...GENERIC_OPTIONS, 'parent', 'macvlan_mode'] },
  { name: 'ipvlan', scope: 'local', docUrl: `${DRIVERS_URL}ipvlan/`, options: [...GENERIC_OPTIONS, 'parent', 'ipvlan_mode', 'ipvlan_flag'] },
  { name: 'host', docUrl: `${DRIVERS_URL}host/`, options: [] },
  { name: 'none', docUrl: `${DRIVERS_URL}none/`, options: [] },
  // Windows container hosts: https://learn.microsoft.com/virtualization/windowscontainers/container-networking/network-drivers-topologies
  ...['nat', 'transparent', 'l2bridge', 'l2tunnel', 'ics'].map((name) => ({ name, docUrl: DRIVERS_URL })),
];

export function networkDriver(name: string): NetworkDriver | undefined {
  return NETWORK_DRIVERS.find((driver) => driver.name === name);
}
