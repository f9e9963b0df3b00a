/**
 * How services attach to networks: `network_mode` against `networks`, the predefined `host`/`none`
 * networks, options a shared network namespace cannot take, and aliases shared between services.
 * https://docs.docker.com/reference/compose-file/services/#network_mode
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import { networkMode, serviceNetworks } from '../../parse/compose';
import type { ComposeDocument, Element } from '../../parse/model';
import { entry, get, text, type Node } from '../../parse/tree';
import type { Finding } from '../../types';
import { atKey, atValue, lineOf } from '../place';
import { isExternalNetwork } from '../subnets/ipamModel';
import { append } from '../../append';

const NETWORK_MODE_URL = composeFileDoc('services', 'network_mode');
const ALIASES_URL = composeFileDoc('services', 'aliases');
/** Per-container settings the engine refuses in `container:` mode (moby validateNetContainerMode: "conflicting options"). */
const NAMESPACE_OPTIONS = ['hostname', 'dns', 'dns_search', 'dns_opt', 'extra_hosts', 'mac_address'];

export function checkAttachments(doc: ComposeDocument): Finding[] {
  const findings: Finding[] = [];
  const aliases = new Map<string, { service: Element; node: Node }[]>();
  for (const service of doc.model.services.values()) {
    // docker stack deploy ignores network_mode (the stack-mode analysis says so).
    if (doc.mode === 'compose') append(append(findings, modeConflicts(service)), predefinedNetworks(doc, service));
    for (const attachment of serviceNetworks(service.node)) {
      for (const node of attachment.aliases) {
        const alias = text(node);
        if (alias === undefined) continue;
        const key = `${attachment.name}\n${alias}`;
        const list = aliases.get(key) ?? [];
        if (!list.some((other) => other.service === service)) list.push({ service, node });
        aliases.set(key, list);
      }
    }
  }
  for (const [key, list] of aliases) {
    if (list.length < 2) continue;
    const network = key.slice(0, key.indexOf('\n'));
    for (const item of list) {
      const others = list.filter((other) => other !== item);
      const names = others.map((other) => `'${other.service.name}'`).join(', ');
      findings.push(atValue(item.node, { code: 'alias-shared', severity: 'information', message: `Alias '${text(item.node)}' on network '${network}' is also used by service ${names} (line ${lineOf(doc, others[0]!.node.span)}); the name resolves to either service at random.`, docUrl: ALIASES_URL, related: others.slice(0, 3).map((other) => ({ span: other.node.span, message: `Same alias on service '${other.service.name}'` })) }));
    }
  }
  return findings;
}

function modeConflicts(service: Element): Finding[] {
  const mode = networkMode(service.node);
  if (!mode) return [];
  const findings: Finding[] = [];
  const networks = entry(service.node, 'networks');
  if (networks) {
    findings.push(atKey(networks, { code: 'network-mode-conflict', severity: 'error', message: `Service '${service.name}' sets both network_mode '${text(mode.node)}' and networks; Compose rejects the file because they exclude each other.`, docUrl: NETWORK_MODE_URL, related: [{ span: mode.node.span, message: 'network_mode is set here' }] }));
  }
  if (mode.kind === 'service' || mode.kind === 'container') {
    for (const key of NAMESPACE_OPTIONS) {
      const option = entry(service.node, key);
      if (!option) continue;
      findings.push(atKey(option, { code: 'shared-netns-option', severity: 'warning', message: `Service '${service.name}' shares the network namespace of ${mode.kind} '${mode.target}', so Docker refuses '${key}' ("conflicting options"); set it on '${mode.target}' instead.`, docUrl: NETWORK_MODE_URL }));
    }
  }
  return findings;
}

/**
 * The predefined `host`/`none` network (an external network named so) next to other networks. Alone it
 * is the compose-spec's documented way to use host or none networking, so it is not reported.
 */
function predefinedNetworks(doc: ComposeDocument, service: Element): Finding[] {
  const attachments = serviceNetworks(service.node);
  if (attachments.length < 2) return [];
  const findings: Finding[] = [];
  for (const attachment of attachments) {
    const network = doc.model.networks.get(attachment.name);
    if (!network || !isExternalNetwork(network.node)) continue;
    const engineName = text(get(network.node, 'name')) ?? text(get(get(network.node, 'external'), 'name')) ?? network.name;
    if (engineName !== 'host' && engineName !== 'none') continue;
    findings.push({ code: 'host-none-network-combination', severity: 'error', message: `Service '${service.name}' joins the '${engineName}' network and other networks; a container in the ${engineName} network namespace cannot be connected to any other network. Use 'network_mode: ${engineName}' alone, or drop it.`, span: attachment.span, docUrl: NETWORK_MODE_URL });
  }
  return findings;
}
