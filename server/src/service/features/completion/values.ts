/**
 * Value completion: enums (curated or from the schema), booleans, references to what the file declares
 * (services, networks, volumes, secrets, configs), placement constraint templates and port entries.
 */
import { nextFreePort } from '../../analyses/ports/index';
import { nextFreeSubnet } from '../../analyses/subnets';
import { formatCidr } from '../../analyses/subnets/cidr';
import type { SchemaKeys } from '../../facts/schemaKeys';
import { networkDriver } from '../../facts/networkDrivers';
import { patternKey, valueDocs, type ValueDoc } from '../../facts/values';
import { serviceNetworks } from '../../parse/compose';
import type { ComposeDocument } from '../../parse/model';
import { at, text } from '../../parse/tree';
import type { YamlPath } from '../../parse/path';
import type { Span } from '../../types';
import { snippetText, type CompletionItem } from './item';
import { portSnippets } from './snippets';

/** Plain scalars YAML 1.1 tools read as booleans; inserted quoted so they stay strings. */
const YAML11_BOOLEANS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false']);

/** Where free host ports are looked for: the customary alternative HTTP port and up. */
const FIRST_SUGGESTED_PORT = 8080;
/** Subnet sizes offered for a new IPAM config: a /24 (254 hosts, Docker's advice for overlays) and a /16. */
const SUGGESTED_PREFIXES = [24, 16] as const;

const CONSTRAINTS: readonly [string, string, string][] = [
  ['node.role == manager', 'node.role == manager', 'Only manager nodes'],
  ['node.role == worker', 'node.role == worker', 'Only worker nodes (keeps managers free)'],
  ['node.labels.<key> == <value>', 'node.labels.${1:zone} == ${2:value}', 'Nodes with a label set by `docker node update --label-add`'],
  ['node.hostname == <name>', 'node.hostname == ${1:name}', 'One node by host name'],
  ['node.platform.os == linux', 'node.platform.os == ${1|linux,windows|}', 'Nodes with this operating system'],
  ['node.platform.arch == x86_64', 'node.platform.arch == ${1|x86_64,aarch64|}', 'Nodes with this architecture'],
  ['engine.labels.<key> == <value>', 'engine.labels.${1:key} == ${2:value}', 'Nodes whose daemon has this label'],
];

/**
 * Items for the value at `path` (a key's value or a list item). `prefix` goes before each inserted value:
 * `' '` right after a colon, `'- '` for a new item under an empty list key.
 */
export function valueItems(doc: ComposeDocument, path: YamlPath, span: Span, prefix: string, schemaKeys: SchemaKeys): CompletionItem[] {
  const references = referenceItems(doc, path, span, prefix);
  if (references) return references;
  const value = (label: string, detail?: string, kind: CompletionItem['kind'] = 'enum'): CompletionItem => ({
    label,
    kind,
    ...(detail ? { detail } : {}),
    insertText: prefix + (YAML11_BOOLEANS.has(label) && kind === 'enum' ? `"${label}"` : label),
    snippet: false,
    span,
    filterText: label,
  });
  const curated = valueDocs(path);
  if (curated && doc.mode === 'stack' && patternKey(path) === 'networks.*.driver') return stackDrivers(curated, value);
  if (curated) return curated.map((item) => value(item.value, item.summary));
  const info = schemaKeys.info(path);
  if (!info) return [];
  if (info.enum.length) return info.enum.map((item) => value(item));
  if (info.types.includes('boolean')) return [value('true', undefined, 'value'), value('false', undefined, 'value')];
  return [];
}

/**
 * Stack files: `overlay` first; local drivers last and marked, since stack services cannot use a network
 * they create with them (stack-local-driver).
 */
function stackDrivers(drivers: readonly ValueDoc[], value: (label: string, detail?: string) => CompletionItem): CompletionItem[] {
  return drivers.map((driver) => {
    const local = networkDriver(driver.value)?.scope === 'local';
    return { ...value(driver.value, local ? 'local to one host: swarm services cannot use it' : driver.summary), sortText: `${local ? 1 : 0}${driver.value}` };
  });
}

function referenceItems(doc: ComposeDocument, path: YamlPath, span: Span, prefix: string): CompletionItem[] | undefined {
  const pattern = patternKey(path);
  const self = path[0] === 'services' ? String(path[1]) : undefined;
  const services = [...doc.model.services.keys()].filter((name) => name !== self);
  const reference = (label: string, detail: string, insertText = label, snippet = false): CompletionItem => ({
    label,
    kind: 'reference',
    detail,
    insertText: prefix + insertText,
    snippet,
    span,
    filterText: label,
  });
  switch (pattern) {
    case 'services.*.depends_on.*':
    case 'services.*.links.*':
    case 'services.*.extends':
    case 'services.*.extends.service':
      return services.map((name) => reference(name, 'service'));
    case 'services.*.network_mode':
      return [
        ...(valueDocs(path) ?? []).map((doc) => reference(doc.value, doc.summary)),
        ...services.map((name) => reference(`service:${name}`, `Share the network stack of service ${name}`)),
        reference('container:', 'Share the network stack of an existing container', 'container:${1:name}', true),
      ];
    case 'services.*.networks.*': {
      // On broken text the path can name a service the model could not read: nothing is attached then.
      const selfNode = self === undefined ? undefined : doc.model.services.get(self)?.node;
      const attached = new Set(selfNode ? serviceNetworks(selfNode).map((n) => n.name) : []);
      return [...doc.model.networks.keys(), 'default'].filter((name, i, all) => !attached.has(name) && all.indexOf(name) === i).map((name) => reference(name, 'network'));
    }
    case 'services.*.volumes.*':
      return [...doc.model.volumes.keys()].map((name) => reference(`${name}:`, 'named volume', `${snippetText(name)}:\${1:/data}`, true));
    case 'services.*.secrets.*':
    case 'services.*.secrets.*.source':
      return [...doc.model.secrets.keys()].map((name) => reference(name, 'secret'));
    case 'services.*.configs.*':
    case 'services.*.configs.*.source':
      return [...doc.model.configs.keys()].map((name) => reference(name, 'config'));
    case 'services.*.deploy.placement.constraints.*':
      return CONSTRAINTS.map(([label, insert, detail]) => ({ ...reference(label, detail, insert, true), kind: 'snippet' }));
    case 'services.*.deploy.placement.preferences.*.spread':
      return [{ ...reference('node.labels.<key>', 'Spread tasks over the values of a node label', 'node.labels.${1:zone}', true), kind: 'snippet' }];
    case 'services.*.ports.*':
      return portSnippets(span, prefix, String(nextFreePort(doc, { protocol: 'tcp', from: FIRST_SUGGESTED_PORT }) ?? FIRST_SUGGESTED_PORT), doc.mode);
    case 'services.*.ports.*.published': {
      const protocol = text(at(doc.model.services.get(self ?? '')?.node, 'ports', Number(path[3]), 'protocol'))?.toLowerCase() ?? 'tcp';
      const port = nextFreePort(doc, { protocol, from: FIRST_SUGGESTED_PORT });
      return port === undefined ? [] : [reference(String(port), `Free ${protocol} host port: no other entry of this file publishes it`)];
    }
    case 'networks.*.ipam.config.*.subnet': {
      const ipv6 = text(at(doc.model.networks.get(String(path[1]))?.node, 'enable_ipv6')) === 'true';
      const wanted = [...SUGGESTED_PREFIXES.map((length) => [4, length] as const), ...(ipv6 ? [[6, 64] as const] : [])];
      return wanted.flatMap(([family, length]) => {
        const free = nextFreeSubnet(doc, length, family);
        return free ? [reference(formatCidr(free), `Free /${length}: overlaps no network of this file nor Docker's default pools`)] : [];
      });
    }
    default:
      return undefined;
  }
}
