/**
 * How services attach to networks: `network_mode` against `networks`, the predefined `host`/`none`
 * networks, options a shared network namespace cannot take, and aliases shared between services.
 * https://docs.docker.com/reference/compose-file/services/#network_mode
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import { networkMode, type NetworkModeKind } from '../../parse/compose';
import type { ComposeDocument, Element } from '../../parse/model';
import { entry, get, listItems, text } from '../../parse/tree';
import type { Finding } from '../../types';
import { atKey, atValue, lineOf } from '../place';
import { isExternalNetwork } from '../subnets/ipamModel';
import { append } from '../../append';
import { absolute } from '../serviceFacts';
import { perService } from '../perService';
import { attachmentFacts, type AttachmentFacts } from './attachmentFacts';

const NETWORK_MODE_URL = composeFileDoc('services', 'network_mode');
const ALIASES_URL = composeFileDoc('services', 'aliases');
/**
 * Settings the engine refuses in `container:` mode, with its words (moby daemon/internal/runconfig/hostconfig.go
 * validateNetContainerMode). `ports` has its own rule (ports-with-shared-netns).
 */
const REFUSED_IN_SHARED_NETNS: Readonly<Record<string, string>> = {
  hostname: 'conflicting options: hostname and the network mode',
  dns: 'conflicting options: dns and the network mode',
  extra_hosts: 'conflicting options: custom host-to-IP mapping and the network mode',
  expose: 'conflicting options: port exposing and the container type network mode',
  links: "conflicting options: container type network can't be used with links",
};
/** Settings the engine accepts there but that change nothing: the namespace owner's resolver and interface apply. */
const IGNORED_IN_SHARED_NETNS = ['dns_search', 'dns_opt', 'mac_address'];

export function checkAttachments(doc: ComposeDocument): Finding[] {
  const findings: Finding[] = [];
  const services = attachmentFacts(doc);
  // docker stack deploy ignores network_mode (the stack-mode analysis says so).
  if (doc.mode === 'compose') append(findings, modeConflictFindings(doc));
  let kinds: ReadonlyMap<string, NetworkModeKind | undefined> | undefined;
  for (const { element, start, facts } of services) {
    if (doc.mode === 'compose') append(findings, predefinedNetworks(doc, element.name, facts.networks, start));
    if (doc.mode === 'compose' && facts.networkMode === 'bridge') append(findings, crossNetworkLinks(element, (kinds ??= new Map(services.map((s) => [s.element.name, s.facts.networkMode]))), doc));
  }
  for (const shared of sharedAliases(services)) {
    const { network, alias } = services[serviceOf(shared[0]!)]!.facts.aliases[shared[0]! % PACKED]!;
    const list = shared.map((use) => {
      const { element, start, facts } = services[serviceOf(use)]!;
      const { span, via } = facts.aliases[use % PACKED]!;
      return { service: element.name, span: absolute(span, start), ...(via ? { via: absolute(via, start) } : {}) };
    });
    for (const item of list) {
      const others = list.filter((other) => other !== item);
      const names = others.map((other) => `'${other.service}'`).join(', ');
      findings.push(atKey({ keySpan: item.span, via: item.via }, { code: 'alias-shared', severity: 'information', message: `Alias '${alias}' on network '${network}' is also used by service ${names} (line ${lineOf(doc, others[0]!.span)}); the name resolves to either service at random.`, docUrl: ALIASES_URL, related: others.slice(0, 3).map((other) => ({ span: other.span, message: `Same alias on service '${other.service}'` })) }));
    }
  }
  return findings;
}

/**
 * The uses of each alias that more than one service has on a network, each use a service's index and
 * the alias's index in its facts (packed into one number), in the order of their first uses. Most
 * aliases are used once: those allocate nothing on a keystroke (at 20,000 services, an object and a
 * list per alias cost 15 ms).
 */
function sharedAliases(services: readonly { readonly facts: AttachmentFacts }[]): number[][] {
  const first = new Map<string, number>();
  const shared = new Map<string, number[]>();
  services.forEach(({ facts }, index) => {
    for (let i = 0; i < facts.aliases.length; i++) {
      const { key } = facts.aliases[i]!;
      const use = index * PACKED + i;
      const before = first.get(key);
      if (before === undefined) first.set(key, use);
      else {
        const list = shared.get(key);
        if (list) list.push(use);
        else shared.set(key, [before, use]);
      }
    }
  });
  return [...shared.values()].sort((a, b) => a[0]! - b[0]!);
}

/** More aliases than a text of MAX_TEXT_LENGTH can hold in one service; times a service index, still a safe integer. */
const PACKED = 2 ** 24;

function serviceOf(use: number): number {
  return Math.floor(use / PACKED);
}

/** The conflicts of `network_mode` with a service's other settings, found again only in services an edit changed. */
const modeConflictFindings = perService((service) => modeConflicts(service));

function modeConflicts(service: Element): Finding[] {
  const mode = networkMode(service.node);
  if (!mode) return [];
  const findings: Finding[] = [];
  const networks = entry(service.node, 'networks');
  if (networks) {
    findings.push(atKey(networks, { code: 'network-mode-conflict', severity: 'error', message: `Service '${service.name}' sets both network_mode '${text(mode.node)}' and networks; Compose rejects the file because they exclude each other.`, docUrl: NETWORK_MODE_URL, related: [{ span: mode.node.span, message: 'network_mode is set here' }] }));
  }
  if (mode.kind === 'service' || mode.kind === 'container') {
    const owner = `${mode.kind} '${mode.target}'`;
    for (const [key, words] of Object.entries(REFUSED_IN_SHARED_NETNS)) {
      const option = entry(service.node, key);
      if (!option) continue;
      findings.push(atKey(option, { code: 'shared-netns-option', severity: 'error', message: `Service '${service.name}' shares the network namespace of ${owner}, so Docker refuses '${key}' ("${words}"); set it on '${mode.target}' instead.`, docUrl: NETWORK_MODE_URL }));
    }
    for (const key of IGNORED_IN_SHARED_NETNS) {
      const option = entry(service.node, key);
      if (!option) continue;
      findings.push({ ...atKey(option, { code: 'shared-netns-option-ignored', severity: 'warning', message: `'${key}' has no effect on service '${service.name}': it shares the network namespace of ${owner}, whose settings apply. Set it on '${mode.target}' instead.`, docUrl: NETWORK_MODE_URL }), tags: ['unnecessary'] });
    }
  }
  const links = entry(service.node, 'links');
  if (mode.kind === 'host' && links) {
    findings.push(atKey(links, { code: 'links-with-host-network', severity: 'error', message: `Service '${service.name}' uses network_mode 'host', and Docker refuses links there ("host type networking can't be used with links"): reach other services through the host's ports instead, or drop 'links'.`, docUrl: NETWORK_MODE_URL }));
  }
  return findings;
}

/**
 * Legacy links from a container on the default bridge (`network_mode: bridge`) reach only containers on
 * that bridge: the engine refuses the rest ("Cannot link to …, as it does not belong to the default
 * network", moby daemon/container_operations_unix.go addLegacyLinks). `service` is on the default bridge.
 */
function crossNetworkLinks(service: Element, networkModes: ReadonlyMap<string, NetworkModeKind | undefined>, doc: ComposeDocument): Finding[] {
  const findings: Finding[] = [];
  for (const item of listItems(get(service.node, 'links'))) {
    const target = text(item)?.split(':')[0];
    const other = target === undefined ? undefined : doc.model.services.get(target);
    if (!other || networkModes.get(other.name) === 'bridge') continue;
    findings.push(atValue(item, { code: 'links-cross-network', severity: 'error', message: `Service '${service.name}' is on the default bridge (network_mode: bridge) but links to '${target}', which is not: Docker refuses it ("Cannot link to …, as it does not belong to the default network"). Put both on a shared user-defined network and use the service name.`, docUrl: `${composeFileDoc('services')}#links`, related: [{ span: other.keySpan, message: `Service '${target}' is defined here` }] }));
  }
  return findings;
}

/**
 * The predefined `host`/`none` network (an external network named so) next to other networks. Alone it
 * is the compose-spec's documented way to use host or none networking, so it is not reported.
 */
function predefinedNetworks(doc: ComposeDocument, service: string, attachments: AttachmentFacts['networks'], start: number): Finding[] {
  if (attachments.length < 2) return [];
  const findings: Finding[] = [];
  for (const attachment of attachments) {
    const network = doc.model.networks.get(attachment.name);
    if (!network || !isExternalNetwork(network.node)) continue;
    const engineName = text(get(network.node, 'name')) ?? text(get(get(network.node, 'external'), 'name')) ?? network.name;
    if (engineName !== 'host' && engineName !== 'none') continue;
    findings.push({ code: 'host-none-network-combination', severity: 'error', message: `Service '${service}' joins the '${engineName}' network and other networks; a container in the ${engineName} network namespace cannot be connected to any other network. Use 'network_mode: ${engineName}' alone, or drop it.`, span: absolute(attachment.span, start), docUrl: NETWORK_MODE_URL });
  }
  return findings;
}
