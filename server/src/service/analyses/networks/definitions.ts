/**
 * Top-level network definitions: external networks, drivers the target cannot use or does not ship,
 * macvlan/ipvlan without a parent interface or subnet, and driver options.
 * https://docs.docker.com/reference/compose-file/networks/
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import { NETWORK_DRIVERS, networkDriver } from '../../facts/networkDrivers';
import type { ComposeDocument, Element } from '../../parse/model';
import { entry, get, text } from '../../parse/tree';
import { didYouMean } from '../../suggest';
import type { Finding } from '../../types';
import { atKey, atValue, type FindingBody } from '../place';
import { ipamNetworks, type IpamNetwork } from '../subnets/ipamModel';
import { append } from '../../append';
import { attachmentFacts } from './attachmentFacts';

const NETWORKS_URL = composeFileDoc('networks');
const OVERLAY_URL = 'https://docs.docker.com/engine/network/drivers/overlay/';
const MACVLAN_URL = 'https://docs.docker.com/engine/network/drivers/macvlan/';
const BRIDGE_URL = 'https://docs.docker.com/engine/network/drivers/bridge/#options';
/** Linux limits interface names to IFNAMSIZ - 1 characters. */
const MAX_INTERFACE_NAME = 15;

export function checkNetworkDefinitions(doc: ComposeDocument): Finding[] {
  const used = usedNetworks(doc);
  return [...ipamNetworks(doc).values()].flatMap((network) => (network.external ? externalNetwork(doc, network.element) : managedNetwork(doc, network, used)));
}

/** Networks some service joins (Compose creates only those). */
function usedNetworks(doc: ComposeDocument): Set<string> {
  const used = new Set<string>();
  for (const { facts } of attachmentFacts(doc)) {
    for (const attachment of facts.networks) used.add(attachment.name);
    if (facts.joinsDefault) used.add('default');
  }
  return used;
}

/**
 * Only `name` (and extensions) mean anything next to `external`. The compose-spec says such a file is
 * rejected, but compose-go checks this for volumes only, and docker stack deploy skips external
 * networks: the keys are silently ignored, hence a warning.
 */
function externalNetwork(doc: ComposeDocument, network: Element): Finding[] {
  const findings: Finding[] = [];
  const node = network.node;
  if (node.kind !== 'map') return findings;
  const tool = doc.mode === 'stack' ? 'docker stack deploy' : 'Compose';
  for (const item of node.entries) {
    if (item.key === 'external' || item.key === 'name' || item.key.startsWith('x-')) continue;
    findings.push(atKey(item, { code: 'external-network-extra-keys', severity: 'warning', message: `'${item.key}' has no effect on external network '${network.name}': ${tool} does not create it, only looks it up by name.`, docUrl: `${NETWORKS_URL}#external` }));
  }
  const external = entry(node, 'external');
  const legacyName = get(external?.value, 'name');
  if (external && legacyName && !get(node, 'name')) {
    findings.push({ ...atKey(external, { code: 'external-name-deprecated', severity: 'information', message: `'external.name' is deprecated; write 'external: true' and 'name: ${text(legacyName) ?? '…'}'.`, docUrl: `${NETWORKS_URL}#external` }), tags: ['deprecated'] });
  }
  return findings;
}

function managedNetwork(doc: ComposeDocument, { element: network, driver: driverName }: IpamNetwork, used: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  if (driverName === undefined) return findings;
  const driverNode = get(network.node, 'driver');
  const driver = networkDriver(driverName);
  // Driver findings sit on the driver, or on the network's name when the driver is the default.
  const at = (body: FindingBody): Finding => (driverNode ? atValue(driverNode, body) : atKey(network, body));
  const engineNetwork = ENGINE_NETWORK_OF_DRIVER[driverName];
  if (engineNetwork) {
    findings.push(at({ code: 'driver-host-null-none', severity: 'error', message: hostNullNoneMessage(doc, network.name, driverName, engineNetwork), docUrl: `https://docs.docker.com/engine/network/drivers/${engineNetwork}/` }));
    return findings;
  }
  if (!driver) {
    const suggestion = didYouMean(driverName, NETWORK_DRIVERS.map((known) => known.name));
    findings.push(at({ code: 'driver-unknown', severity: 'information', message: `'${driverName}' is not a driver built into Docker: the plugin must be installed on every host that runs this network.${suggestion}`, docUrl: 'https://docs.docker.com/engine/network/drivers/' }));
    return findings;
  }
  // Compose only creates (and so only needs swarm for) overlays that a service joins.
  if (doc.mode === 'compose' && driverName === 'overlay' && used.has(network.name)) {
    findings.push(at({ code: 'overlay-requires-swarm', severity: 'warning', message: `Network '${network.name}' uses the overlay driver: docker compose can create it only when the engine is a swarm manager.`, docUrl: OVERLAY_URL }));
    if (text(get(network.node, 'attachable')) !== 'true') {
      findings.push(atKey(network, { code: 'overlay-not-attachable', severity: 'warning', message: `Overlay network '${network.name}' needs 'attachable: true' for docker compose containers to join it.`, docUrl: OVERLAY_URL }));
    }
  }
  if (doc.mode === 'stack' && driver.scope === 'local') {
    findings.push(at({ code: 'stack-local-driver', severity: 'warning', message: `Swarm services cannot use a ${driverName} network created by the stack: it is local to one host. Use overlay, or an external swarm-scoped network.`, docUrl: 'https://docs.docker.com/engine/swarm/networking/' }));
  }
  if (driverName === 'macvlan' || driverName === 'ipvlan') {
    if (!get(get(network.node, 'driver_opts'), 'parent')) {
      findings.push(at({ code: 'macvlan-missing-parent', severity: 'warning', message: `${driverName} network '${network.name}' has no 'driver_opts.parent': Docker then uses a dummy interface, so the network cannot reach the LAN.`, docUrl: MACVLAN_URL }));
    }
    if (!get(get(network.node, 'ipam'), 'config')) {
      findings.push(at({ code: 'macvlan-missing-subnet', severity: 'information', message: `${driverName} network '${network.name}' sets no ipam subnet, so containers get addresses from Docker's default pools instead of the LAN's; set subnet, gateway and ip_range to match the physical network.`, docUrl: MACVLAN_URL }));
    }
  }
  append(findings, driverOptions(network, driverName, driver.options));
  return findings;
}

/**
 * `host` and `null` drive the engine's single `host` and `none` networks ("only one instance of "host"
 * network is allowed", moby daemon/libnetwork/drivers/host/host.go and drivers/null/null.go); `none` is
 * the network's name, and no driver has it.
 */
export const ENGINE_NETWORK_OF_DRIVER: Readonly<Record<string, 'host' | 'none'>> = { host: 'host', null: 'none', none: 'none' };

function hostNullNoneMessage(doc: ComposeDocument, network: string, driver: string, engineNetwork: 'host' | 'none'): string {
  const why = driver === 'none' ? "'none' is not a driver (the none network's driver is 'null')" : `the engine has exactly one '${engineNetwork}' network and refuses another ("only one instance of "${driver}" network is allowed")`;
  const instead = doc.mode === 'stack' ? `declare the engine's network instead: external: true, name: ${engineNetwork}` : `use 'network_mode: ${engineNetwork}' on the services instead`;
  return `Network '${network}' cannot be created with driver '${driver}': ${why}; ${instead}.`;
}

function driverOptions(network: Element, driverName: string, known: readonly string[] | undefined): Finding[] {
  const options = get(network.node, 'driver_opts');
  if (!known || options?.kind !== 'map') return [];
  const findings: Finding[] = [];
  for (const item of options.entries) {
    const { key, value } = item;
    if (!known.includes(key)) {
      findings.push(atKey(item, { code: 'driver-opt-unknown', severity: 'information', message: `The ${driverName} driver does not know option '${key}' and ignores it.${didYouMean(key, known)}`, docUrl: networkDriver(driverName)!.docUrl }));
    } else if (key === 'com.docker.network.bridge.name') {
      const name = text(value);
      if (name !== undefined && name.length > MAX_INTERFACE_NAME) {
        findings.push(atValue(value, { code: 'bridge-name-too-long', severity: 'error', message: `Bridge name '${name}' has ${name.length} characters; Linux interface names have at most ${MAX_INTERFACE_NAME}.`, docUrl: BRIDGE_URL }));
      }
    }
  }
  return findings;
}
