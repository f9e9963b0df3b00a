/**
 * Docker's built-in address pools: where networks created without an explicit subnet get theirs.
 * Source: moby `daemon/libnetwork/ipamutils/utils.go` (`localScopeDefaultNetworks`,
 * `globalScopeDefaultNetworks`); swarmkit `manager/manager.go` for the ingress network; Docker docs
 * https://docs.docker.com/engine/swarm/networking/ for the swarm pool. Every one of these can be changed
 * in the daemon configuration (`bip`, `default-address-pools`) or at `docker swarm init`
 * (`--default-addr-pool`), so overlaps with them are warnings or hints, never errors.
 */

/** A base range the daemon carves into networks of `size` prefix length. */
export interface AddressPool {
  readonly base: string;
  readonly size: number;
}

/** The pre-created `bridge` network (`docker0`) takes the first local pool on a default daemon. */
export const DEFAULT_BRIDGE_SUBNET = '172.17.0.0/16';

/** Local-scope pools (bridge, macvlan, ipvlan), in allocation order; the first is `docker0`'s. */
export const LOCAL_POOLS: readonly AddressPool[] = [
  { base: '172.17.0.0/16', size: 16 },
  { base: '172.18.0.0/16', size: 16 },
  { base: '172.19.0.0/16', size: 16 },
  { base: '172.20.0.0/14', size: 16 },
  { base: '172.24.0.0/14', size: 16 },
  { base: '172.28.0.0/14', size: 16 },
  { base: '192.168.0.0/16', size: 20 },
];

/** The swarm-wide pool overlay networks are carved from. */
export const SWARM_POOL: AddressPool = { base: '10.0.0.0/8', size: 24 };

/** `ingress` takes the first /24 of the swarm pool at `docker swarm init`. */
export const INGRESS_SUBNET = '10.0.0.0/24';

/**
 * `docker_gwbridge` (created on swarm init/join) gets the next free local pool, on a host where only
 * `docker0` exists the second one.
 */
export const GWBRIDGE_SUBNET = '172.18.0.0/16';
