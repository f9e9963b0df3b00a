/**
 * Hovers on values that carry meaning: subnets, static addresses, service references, durations,
 * placement constraints, network drivers and modes, and enum values. Each returns Markdown or undefined.
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import { ipamNetworks, type WrittenCidr } from '../../analyses/subnets/ipamModel';
import { isSizeRequest } from '../../analyses/subnets/overlaps';
import { contains, familyName, formatAddress, formatCidr, hasHostBits, parseAddress, parseCidr, reservedAddresses } from '../../analyses/subnets/cidr';
import { CONSTRAINT_ATTRIBUTES, CONSTRAINT_LABEL_PREFIXES } from '../../facts/deployKeys';
import { isLabel, parseConstraint } from '../../analyses/placement';
import { defaultDriver, DRIVER_OPTION_DOCS, driversWithOption, NETWORK_MODES, networkDriver } from '../../facts/networkDrivers';
import type { YamlPath } from '../../parse/path';
import { valueDocs } from '../../facts/values';
import { networkMode, serviceNetworks } from '../../parse/compose';
import type { ComposeDocument } from '../../parse/model';
import { servicePorts } from '../../parse/ports';
import { at, text, type Node } from '../../parse/tree';
import { durationUnits, parseDuration } from '../../parse/units';
import type { ComposeMode, Finding } from '../../types';
import { badge, deployDoc, docUrl } from '../../docs/keyDocumentation';
import { code, markdown } from '../../docs/markdown';

/** The private IPv4 ranges of RFC 1918 and IPv6 unique local addresses (RFC 4193). */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'].map((range) => parseCidr(range)!);

/**
 * A subnet or `ip_range`: its addresses, how many containers fit, whether it is a private range. A
 * subnet loses its network and broadcast addresses and the gateway; an `ip_range` is only the part of
 * the subnet containers are given addresses from, so its first and last addresses are ordinary ones.
 */
export function cidrHover(value: string, overlaps: readonly Finding[], kind: 'subnet' | 'ip_range' = 'subnet'): string | undefined {
  const cidr = parseCidr(value);
  if (!cidr) return undefined;
  const size = cidr.end - cidr.start + 1n;
  const heading = `**${kind === 'subnet' ? 'Subnet' : 'ip_range'}** ${code(value)} · ${familyName(cidr.family)} /${cidr.prefix}`;
  if (isSizeRequest(cidr)) {
    return markdown(heading, [`Asks Docker Engine 29.0+ for any free /${cidr.prefix} from its default address pools; the addresses are Docker's choice.`], docUrl(['networks', '', 'ipam']));
  }
  const lines = [`${formatAddress(cidr.family, cidr.start)} – ${formatAddress(cidr.family, cidr.end)}`];
  if (cidr.family === 4 && kind === 'subnet') {
    const hosts = size - BigInt(reservedAddresses(cidr).length);
    const containers = hosts > 0n ? hosts - 1n : 0n;
    lines.push(`${size.toLocaleString('en-US')} addresses: ${hosts.toLocaleString('en-US')} host addresses, ${containers.toLocaleString('en-US')} for containers (the gateway takes one).`);
  } else if (cidr.family === 4) {
    lines.push(`${size.toLocaleString('en-US')} addresses handed to containers (minus the gateway if it falls inside).`);
  } else {
    lines.push(`2^${128 - cidr.prefix} addresses.`);
  }
  if (kind === 'subnet') {
    lines.push(PRIVATE_RANGES.some((range) => contains(range, cidr))
      ? `A private range (${cidr.family === 4 ? 'RFC 1918' : 'unique local, RFC 4193'}): not routed on the internet, safe for container networks that overlap nothing on the host or LAN.`
      : cidr.family === 4
        ? 'Not a private range (RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16): containers could not reach the real hosts that own these addresses.'
        : 'Not a unique local range (fc00::/7): use it only if these addresses are routed to this host.');
  }
  if (hasHostBits(cidr)) lines.push(`⛔ Host bits are set: Docker rejects it; write ${code(formatCidr(cidr))}.`);
  for (const finding of overlaps) lines.push(`⚠️ ${finding.message}`);
  return markdown(heading, lines, docUrl(['networks', '', 'ipam']));
}

/** `ipv4_address` / `ipv6_address` of a service on network `network`: which declared subnet holds it. */
export function staticIpHover(doc: ComposeDocument, network: string, address: string): string {
  const subnets = networkSubnets(doc, network);
  const ip = parseAddress(address);
  const home = subnets.find((subnet) => ip !== undefined && subnet.cidr !== undefined && contains(subnet.cidr, ip));
  const line = home
    ? `Inside subnet ${code(home.text)} of network ${code(network)}.`
    : subnets.length
      ? `⚠️ Not inside any subnet of network ${code(network)} (${subnets.map((subnet) => code(subnet.text)).join(', ')}).`
      : `⚠️ Network ${code(network)} declares no \`ipam.config\` subnet: engines before 29.0.4 refuse a fixed address then, later ones accept it only if the subnet Docker picks happens to contain it.`;
  return markdown(`**Static address** ${code(address)}`, [line], docUrl(['services', '', 'networks']));
}

const SWARM_NETWORKING = 'https://docs.docker.com/engine/swarm/networking/';

/**
 * The networks every engine or swarm node has, by engine name: what they are and how a file may use them.
 * Sources: https://docs.docker.com/engine/network/drivers/ , https://docs.docker.com/engine/swarm/networking/
 * (ingress, docker_gwbridge) and swarmkit manager/controlapi/service.go ("Service cannot be explicitly
 * attached to the ingress network").
 */
const ENGINE_NETWORKS: Readonly<Record<string, { readonly lines: readonly string[]; readonly url: string }>> = {
  host: { lines: ['The host\'s own network stack: no isolation, no NAT, published ports are discarded. Compose services use `network_mode: host`; stack services attach to the external network `host`.'], url: 'https://docs.docker.com/engine/network/drivers/host/' },
  none: { lines: ['Loopback only (the `null` driver). Compose services use `network_mode: none`; stack services attach to the external network `none`.'], url: 'https://docs.docker.com/engine/network/drivers/none/' },
  bridge: { lines: ['The engine\'s default bridge (`docker0`, usually 172.17.0.0/16): no DNS by container or service name, only legacy `links`. A user-defined bridge is almost always better.'], url: 'https://docs.docker.com/engine/network/drivers/bridge/' },
  ingress: { lines: ['The swarm\'s routing-mesh overlay: it carries ingress-published ports to any task on any node. Swarm refuses services attached to it explicitly ("Service cannot be explicitly attached to the ingress network"); publish `ports` instead.'], url: 'https://docs.docker.com/engine/swarm/ingress/' },
  docker_gwbridge: { lines: ['The local bridge on each swarm node that connects overlay networks (and `ingress`) to the node\'s own network, for traffic leaving the swarm. Docker manages it; services do not attach to it.'], url: SWARM_NETWORKING },
};

/** The project's default network: a user-defined bridge, which `docker0` is not. */
const DEFAULT_NETWORK = [
  'The project\'s implicit network `<project>_default`, which Compose creates for services that list no `networks`.',
  'A user-defined bridge: members reach each other by service name through Docker\'s embedded DNS server (127.0.0.11) and on every port, unlike on the engine\'s default `bridge` (`docker0`).',
];

/** A network a service joins: its driver, address space and reach. */
export function networkHover(doc: ComposeDocument, name: string): string {
  const heading = `**Network** ${code(name)}`;
  const network = doc.model.networks.get(name)?.node;
  if (!network) {
    if (name === 'default') return markdown(heading, doc.mode === 'stack' ? ['The stack\'s implicit overlay network `<stack>_default`, created for services that list no networks; tasks resolve each other by service name.'] : DEFAULT_NETWORK, docUrl(['networks']));
    const engine = ENGINE_NETWORKS[name];
    if (engine) return markdown(heading, [`⚠️ Not declared under the top-level \`networks\`.`, ...engine.lines], engine.url);
    return markdown(heading, [`⚠️ No network named ${code(name)} under the top-level \`networks\`.`], docUrl(['networks']));
  }
  const external = text(at(network, 'external')) === 'true' || at(network, 'external', 'name') !== undefined;
  if (external) {
    const engineName = text(at(network, 'name')) ?? text(at(network, 'external', 'name')) ?? name;
    const engine = ENGINE_NETWORKS[engineName];
    const lines = engine ? [`External: the engine's own ${code(engineName)} network.`, ...engine.lines] : [`Created outside this file as ${code(engineName)}: its driver and subnet are whatever that network has; ${doc.mode === 'stack' ? '`docker stack deploy`' : 'Compose'} only looks it up and fails if it is missing.`];
    return markdown(heading, lines, engine?.url ?? `${docUrl(['networks'])}#external`);
  }
  if (name === 'default' && doc.mode === 'compose') return markdown(heading, [...DEFAULT_NETWORK, ...networkLines(doc, name, network)], docUrl(['networks']));
  return markdown(heading, networkLines(doc, name, network), docUrl(['networks']));
}

function networkLines(doc: ComposeDocument, name: string, network: Node): string[] {
  const flags = ['internal', 'attachable'].filter((flag) => text(at(network, flag)) === 'true');
  const driver = text(at(network, 'driver'));
  const subnets = networkSubnets(doc, name);
  return [
    `Driver: ${code(driver ?? defaultDriver(doc.mode))}${driver ? '' : ' (default)'}`,
    subnets.length ? `Subnets: ${subnets.map((subnet) => code(subnet.text)).join(', ')}` : 'Subnet: picked by Docker from its address pools',
    ...(flags.length ? [flags.map(code).join(', ')] : []),
  ];
}

/** The subnets a network declares, as the IPAM model (shared with the subnet analyses) read them. */
function networkSubnets(doc: ComposeDocument, network: string): readonly WrittenCidr[] {
  return ipamNetworks(doc).get(network)?.configs.flatMap((config) => config.subnet ?? []) ?? [];
}

/** A referenced service: its image, published ports and networks. */
export function serviceHover(doc: ComposeDocument, name: string): string {
  const service = doc.model.services.get(name);
  if (!service) return markdown(`**Service** ${code(name)}`, [`⚠️ No service named ${code(name)} in this file.`], docUrl(['services']));
  const image = text(at(service.node, 'image'));
  const build = at(service.node, 'build');
  const ports = servicePorts(service.node).map((port) => (port.node.kind === 'scalar' ? port.node.raw : `${text(at(port.node, 'published')) ?? ''}:${text(at(port.node, 'target')) ?? ''}`));
  const mode = networkMode(service.node);
  const networks = mode ? [`network_mode ${text(mode.node) ?? ''}`] : serviceNetworks(service.node).map((n) => n.name);
  return markdown(`**Service** ${code(name)}`, [
    `Image: ${image ? code(image) : build ? 'built from `build`' : 'none'}`,
    `Ports: ${ports.length ? ports.map(code).join(', ') : 'none published'}`,
    `Networks: ${(networks.length ? networks : ['default']).map(code).join(', ')}`,
  ], docUrl(['services']));
}

/**
 * `${VAR:-default}` and friends: which variables, what happens when they are unset, and, once a project's
 * environment is applied, the value each has and where it comes from. In a stack file `:+`/`+` are
 * refused by docker/cli (REVIEW E12; docker/cli `cli/compose/template/template.go`).
 */
export function interpolationHover(node: Node, mode: ComposeMode): string | undefined {
  if (node.kind !== 'scalar' || !node.interpolation?.variables.length) return undefined;
  const { variables, environment, resolved } = node.interpolation;
  const lines = variables.map(({ name, operator, argument = '' }) => {
    const variable = code(name || '?');
    switch (operator) {
      case ':-': return `${variable}: when unset or empty, the default ${code(argument)} is used.`;
      case '-': return `${variable}: when unset, the default ${code(argument)} is used.`;
      case ':?': case '?': return `${variable}: required; ${mode === 'stack' ? 'docker stack deploy' : 'Compose'} stops with ${code(argument || 'an error')} when it is unset.`;
      case ':+': case '+':
        if (mode === 'stack') return `${variable}: \`${operator}\` is not supported by docker stack deploy, which stops with "invalid interpolation format".`;
        return `${variable}: when set, ${code(argument)} is used instead; otherwise empty.`;
      default: return `${variable}: taken from the environment${mode === 'stack' ? '' : ' or `.env`'}; empty (with a warning) when unset.`;
    }
  });
  if (environment) {
    for (const { name, value, origin } of environment) lines.push(value === undefined ? `${code(name)} is not set.` : `${code(name)} = ${code(value)} (${origin})`);
    if (resolved !== undefined) lines.push(`Value: ${code(resolved)}`);
  } else if (resolved !== undefined) {
    lines.push(`With the defaults: ${code(resolved)}`);
  }
  return markdown('**Variable interpolation**', lines, composeFileDoc('interpolation'));
}

const UNIT_NAMES: Readonly<Record<string, string>> = {
  w: 'week', d: 'day', h: 'hour', m: 'minute', s: 'second', ms: 'millisecond', us: 'microsecond', 'µs': 'microsecond', 'μs': 'microsecond', ns: 'nanosecond',
};

/** `1m30s` → "1 minute 30 seconds (90 seconds)", read as the loader of the file's mode reads it. */
export function durationHover(value: string, path: YamlPath, mode: ComposeMode): string {
  const heading = `**Duration** ${code(value)}`;
  const parsed = parseDuration(value.trim(), mode);
  if ('problem' in parsed) return markdown(heading, [`⛔ Not a duration: write numbers with units, e.g. \`10s\`, \`1m30s\` (units ${durationUnits(mode)}).`], docUrl(path));
  const parts = [...value.matchAll(/(\d*\.?\d+)([a-zµμ]+)/g)];
  const words = parts.map(([, amount, unit]) => `${amount} ${UNIT_NAMES[unit!] ?? unit}${Number(amount) === 1 ? '' : 's'}`);
  const total = parts.length > 1 ? ` (${+parsed.seconds.toFixed(6)} seconds)` : '';
  return markdown(heading, [`${words.join(' ') || '0 seconds'}${total}`], docUrl(path));
}

/** `node.role == manager` → "Tasks run only on nodes whose `node.role` (manager or worker) is `manager`." Read as the placement check reads it. */
/**
 * Who sets each kind of label decides what a constraint on it can be trusted with: managers set node
 * labels, each node sets its own engine labels (docs.docker.com/engine/swarm/manage-nodes/#add-or-remove-label-metadata).
 */
const NODE_LABEL_TRUST = 'Only managers set node labels, so a compromised worker cannot claim one: use them to keep sensitive services on chosen nodes.';
const ENGINE_LABEL_TRUST = 'Each node sets its own engine labels, so a compromised node could claim any: do not rely on them for security (use node labels).';

export function constraintHover(value: string, path: YamlPath): string {
  const heading = `**Placement constraint** ${code(value)}`;
  const parsed = parseConstraint(value);
  if ('problem' in parsed) return markdown(heading, [`⛔ Swarm refuses it: ${parsed.problem}. Write \`<attribute> == <value>\` or \`!=\`, e.g. \`node.role == manager\`.`], docUrl(path));
  const { key, operator, value: wanted } = parsed;
  const lower = key.toLowerCase();
  const described = CONSTRAINT_ATTRIBUTES[lower] ?? (!isLabel(key) ? undefined : lower.startsWith('node.labels.') ? 'a node label set with `docker node update --label-add`' : 'an engine label from the daemon configuration');
  if (!described) {
    const known = [...Object.keys(CONSTRAINT_ATTRIBUTES), ...CONSTRAINT_LABEL_PREFIXES.map((p) => `${p}<key>`)];
    return markdown(heading, [`⛔ Unknown attribute ${code(key)}: no node matches it. Use ${known.join(', ')}.`], docUrl(path));
  }
  const trust = !isLabel(key) ? [] : lower.startsWith('node.labels.') ? [NODE_LABEL_TRUST] : [ENGINE_LABEL_TRUST];
  return markdown(heading, [`Tasks run only on nodes whose ${code(key)} (${described}) ${operator === '==' ? 'is' : 'is not'} ${code(wanted)}.`, 'Every constraint must hold; with no matching node the tasks stay pending.', ...trust], docUrl(path));
}

const PLUGINS_URL = 'https://docs.docker.com/engine/extend/plugins_network/';

/**
 * A network driver: the built-in ones from facts/networkDrivers.ts; `none` names the network, not a
 * driver; anything else is a plugin (Weave, Calico, Kuryr …) or a Windows driver.
 */
export function driverHover(driver: string): string | undefined {
  const heading = `**Network driver** ${code(driver)}`;
  if (driver === 'none') return markdown(heading, ['⛔ There is no `none` driver: `none` is the engine\'s network without networking, whose driver is `null`. Use `network_mode: none` (Compose) or attach to the external network `none` (stack).'], `${DRIVERS_URL}none/`);
  const fact = networkDriver(driver);
  if (fact?.summary) return markdown(heading, [fact.summary, ...(fact.details ?? [])], fact.docUrl);
  if (fact) return markdown(heading, ['A Windows container host driver (`nat`, `transparent`, `l2bridge`, `l2tunnel`, `ics`): it works only on Windows engines.'], 'https://learn.microsoft.com/virtualization/windowscontainers/container-networking/network-drivers-topologies');
  return markdown(heading, ['A network plugin (e.g. Weave Net, Calico, Kuryr): it must be installed on every host that runs this network (`docker plugin install`), and it decides addressing and reach itself.'], PLUGINS_URL);
}

const TASKS_NAME = /\btasks\.([A-Za-z0-9][\w.-]*)/;

/** `tasks.<service>` written in a value (a command, an environment URL): Swarm's DNS name for every task. */
export function taskDnsHover(doc: ComposeDocument, value: string): string | undefined {
  const service = TASKS_NAME.exec(value)?.[1];
  if (service === undefined || !doc.model.services.has(service)) return undefined;
  const lines =
    doc.mode === 'stack'
      ? [`Swarm's DNS answers ${code(`tasks.${service}`)} with the IP of every running task of ${code(service)}, where ${code(service)} alone gives the service's virtual IP (or, with \`endpoint_mode: dnsrr\`, the task IPs too).`, 'Use it to reach each replica, for example to form a cluster.']
      : [`${code(`tasks.${service}`)} is a Swarm DNS name: under \`docker compose\` it does not resolve. There ${code(service)} itself answers with the address of every container of the service.`];
  return markdown(`**Task DNS** ${code(`tasks.${service}`)}`, lines, SWARM_NETWORKING);
}

export function networkModeHover(doc: ComposeDocument, service: Node): string | undefined {
  const mode = networkMode(service);
  if (!mode || mode.kind === 'other') return undefined;
  const fact = NETWORK_MODES[mode.kind];
  const owner = mode.kind === 'service' && mode.target !== undefined ? [serviceHover(doc, mode.target)] : [];
  return [markdown(`**network_mode** ${code(text(mode.node) ?? '')}`, [fact.summary, ...fact.details], fact.docUrl), ...owner].join('\n\n---\n\n');
}

/** An allowed value with its meaning (and, under deploy, what the current tool does with the key). */
export function enumHover(path: YamlPath, value: string, doc: ComposeDocument): string | undefined {
  const known = valueDocs(path)?.find((candidate) => candidate.value === value);
  if (!known) return undefined;
  const deploy = deployDoc(path);
  return markdown(`**${String(path[path.length - 1])}** ${code(value)}`, [...(deploy ? [badge(deploy, doc.mode)] : []), known.summary], docUrl(path));
}

/** A `driver_opts` key of network `network`: what it does, for which drivers, its values (and the one under the cursor). */
export function driverOptionHover(doc: ComposeDocument, network: string, option: string, value?: string): string | undefined {
  const fact = DRIVER_OPTION_DOCS[option];
  const drivers = driversWithOption(option);
  if (!fact || drivers.length === 0) return undefined;
  const driver = text(at(doc.model.networks.get(network)?.node, 'driver')) ?? defaultDriver(doc.mode);
  const meaning = value === undefined ? undefined : fact.valueSummaries?.[value];
  const lines = [...(meaning ? [`${code(value!)}: ${meaning}`] : []), fact.summary, `Drivers: ${drivers.map((d) => code(d.name)).join(', ')}${fact.values ? ` · Values: ${fact.values.map(code).join(', ')}` : ''}`];
  if (!drivers.some((d) => d.name === driver)) lines.push(`⚠️ The ${code(driver)} driver of this network does not use it.`);
  return markdown(`**driver_opts.${option}**`, lines, drivers[0]!.docUrl);
}

const DRIVERS_URL = 'https://docs.docker.com/engine/network/drivers/';

const MOUNT_MODES: Readonly<Record<string, string>> = { ro: 'read-only', rw: 'read-write', z: 'SELinux label shared', Z: 'SELinux label private' };

/** A short-syntax `volumes` item `[source:]target[:mode]`: anonymous, named volume or bind mount. */
export function mountHover(doc: ComposeDocument, value: string): string | undefined {
  // Windows host paths (`C:\data:/data`) contain a colon of their own; they are left to the key's docs.
  if (/^[A-Za-z]:[\\/]/.test(value)) return undefined;
  const [source = '', target, mode = ''] = value.split(':');
  const heading = `**Volume** ${code(value)}`;
  const url = docUrl(['services', '', 'volumes']);
  if (target === undefined) return markdown(heading, [`Anonymous volume at ${code(source)}: new and empty for each container.`], url);
  const modes = mode.split(',').filter(Boolean).map((m) => MOUNT_MODES[m] ?? m);
  const how = `${code(source)} → container ${code(target)}${modes.length ? ` (${modes.join(', ')})` : ''}.`;
  if (/^[./~]/.test(source) || source.includes('/')) {
    return markdown(heading, [`Bind mount: host path ${how}`, 'The container sees the host files directly; relative paths start at the Compose file\'s folder.'], url);
  }
  const kept = doc.model.volumes.has(source) ? 'Docker keeps its data when containers are re-created.' : `⚠️ ${code(source)} is not declared under the top-level \`volumes\`.`;
  return markdown(heading, [`Named volume ${how}`, kept], url);
}

/** A `secrets` / `configs` item: where it appears in the container and where it comes from. */
export function secretHover(doc: ComposeDocument, kind: 'secrets' | 'configs', name: string): string {
  const element = doc.model[kind].get(name)?.node;
  const label = kind === 'secrets' ? 'Secret' : 'Config';
  if (!element) return markdown(`**${label}** ${code(name)}`, [`⚠️ No ${label.toLowerCase()} named ${code(name)} under the top-level \`${kind}\`.`], docUrl([kind]));
  const path = kind === 'secrets' ? `/run/secrets/${name}` : `/${name}`;
  return markdown(`**${label}** ${code(name)}`, [`Mounted as the file ${code(path)} unless \`target\` says otherwise.`, `Comes from: ${origin(element)}.`], docUrl([kind]));
}

function origin(element: Node): string {
  for (const key of ['file', 'environment', 'content']) {
    const value = text(at(element, key));
    if (value !== undefined) return `${key} ${code(value)}`;
  }
  return text(at(element, 'external')) === 'true' ? 'created outside this file (external)' : 'no source set';
}
