/**
 * Which of a Compose service's networks provides the container's default gateway, and so whose bridge
 * options (default host binding address, gateway mode) apply to the ports it publishes. The order is
 * libnetwork's (moby daemon/libnetwork/sandbox.go `Endpoint.Less`): higher `gw_priority` first, then
 * non-internal networks, then the network name. Since Engine 28 ports are published through that
 * endpoint (https://docs.docker.com/engine/network/port-publishing/#default-host-binding-address).
 */
import { joinsDefaultNetwork, serviceNetworks } from '../../parse/compose';
import type { ComposeDocument } from '../../parse/model';
import { at, get, numberValue, text, type Node } from '../../parse/tree';

export interface GatewayNetwork {
  /** The key under the top-level `networks` (or `default`). */
  readonly name: string;
  /** Created outside the file: its options are unknown. */
  readonly external: boolean;
  /** `com.docker.network.bridge.host_binding_ipv4`, when the file sets it. */
  readonly bindingIp?: string;
  /** `com.docker.network.bridge.gateway_mode_ipv4` / `_ipv6`, when the file sets them. */
  readonly gatewayMode4?: string;
  readonly gatewayMode6?: string;
}

/** Undefined when the service uses `network_mode` (no endpoint of its own) or joins no network. */
export function gatewayNetwork(doc: ComposeDocument, service: Node): GatewayNetwork | undefined {
  if (get(service, 'network_mode') !== undefined) return undefined;
  const attachments = joinsDefaultNetwork(service) ? [{ name: 'default', priority: 0 }] : serviceNetworks(service).map((a) => ({ name: a.name, priority: numberValue(get(a.config, 'gw_priority')) ?? 0 }));
  const candidates = attachments.map(({ name, priority }) => {
    const node = doc.model.networks.get(name)?.node;
    return { name, priority, node, internal: text(get(node, 'internal')) === 'true', engineName: text(get(node, 'name')) ?? name };
  });
  candidates.sort((a, b) => b.priority - a.priority || Number(a.internal) - Number(b.internal) || (a.engineName < b.engineName ? -1 : a.engineName > b.engineName ? 1 : 0));
  const best = candidates[0];
  if (!best) return undefined;
  const option = (key: string): string | undefined => text(at(best.node, 'driver_opts', key));
  const bindingIp = option('com.docker.network.bridge.host_binding_ipv4');
  const gatewayMode4 = option('com.docker.network.bridge.gateway_mode_ipv4');
  const gatewayMode6 = option('com.docker.network.bridge.gateway_mode_ipv6');
  return {
    name: best.name,
    external: text(get(best.node, 'external')) === 'true' || get(get(best.node, 'external'), 'name') !== undefined,
    ...(bindingIp ? { bindingIp } : {}),
    ...(gatewayMode4 ? { gatewayMode4 } : {}),
    ...(gatewayMode6 ? { gatewayMode6 } : {}),
  };
}
