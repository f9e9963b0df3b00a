/** Quick fixes for network definitions and attachments; each finds its place again by the finding's span. */
import type { ComposeDocument } from '../../parse/model';
import { entry, get, type Entry, type Node } from '../../parse/tree';
import type { CodeAction } from '../../types';
import { sameSpan, type FixProvider } from '../analysis';
import { entrySpan, indentOf, insertAt, isFlow, removeEntry } from '../edits';
import { ENGINE_NETWORK_OF_DRIVER } from './definitions';

function quickfix(title: string, edits: CodeAction['edits']): CodeAction[] {
  return [{ title, kind: 'quickfix', edits, isPreferred: true }];
}

/** network-mode-conflict: drop the service's `networks` block, network_mode decides. */
export const removeNetworks: FixProvider = (doc, finding) => {
  for (const service of doc.model.services.values()) {
    const networks = entry(service.node, 'networks');
    if (networks && sameSpan(networks.keySpan, finding.span)) return quickfix("Remove 'networks' (network_mode is set)", [removeEntry(doc, networks, service.node)]);
  }
  return [];
};

/** external-name-deprecated: `external: {name: x}` becomes `external: true` plus `name: x`. */
export const rewriteExternalName: FixProvider = (doc, finding) => {
  for (const network of doc.model.networks.values()) {
    const external = entry(network.node, 'external');
    const name = get(external?.value, 'name');
    if (!external || !name || external.via || !sameSpan(external.keySpan, finding.span)) continue;
    const nameText = doc.text.slice(name.span.start, name.span.end);
    const separator = isFlow(doc, network.node) ? ', ' : `\n${indentOf(doc, external.keySpan.start)}`;
    return quickfix("Use 'external: true' and 'name:'", [{ span: entrySpan(doc, external), newText: `external: true${separator}name: ${nameText}` }]);
  }
  return [];
};

/** macvlan-missing-parent: add `driver_opts: {parent: eth0}` in the style of the surrounding map. */
export const addMacvlanParent: FixProvider = (doc, finding) => {
  for (const network of doc.model.networks.values()) {
    const driver = entry(network.node, 'driver');
    if (!driver || driver.via || !sameSpan(driver.value.span, finding.span)) continue;
    const options = entry(network.node, 'driver_opts');
    const edit = options ? intoOptions(doc, options) : afterDriver(doc, network.node, driver);
    return edit ? quickfix("Add 'driver_opts.parent: eth0' (set your host's interface)", [edit]) : [];
  }
  return [];
};

const PARENT = 'parent: eth0';

function afterDriver(doc: ComposeDocument, network: Node, driver: Entry) {
  const end = driver.value.span.end;
  if (isFlow(doc, network)) return insertAt(end, `, driver_opts: {${PARENT}}`);
  const indent = indentOf(doc, driver.keySpan.start);
  return insertAt(end, `\n${indent}driver_opts:\n${indent}  ${PARENT}`);
}

function intoOptions(doc: ComposeDocument, options: Entry) {
  const map = options.value;
  if (options.via || map.kind !== 'map') return undefined;
  if (isFlow(doc, map)) {
    const start = map.span.start + 1;
    return insertAt(start, map.entries.length ? ` ${PARENT},` : PARENT);
  }
  const first = map.entries[0];
  if (!first) return undefined;
  const start = first.keySpan.start;
  return insertAt(start, `${PARENT}\n${indentOf(doc, start)}`);
}

/**
 * driver-host-null-none in a stack file: `driver: host` becomes the engine's own network,
 * `external: true` with `name: host` (or `none`), which is how stack services get host networking.
 */
export const replaceHostDriver: FixProvider = (doc, finding) => {
  if (doc.mode !== 'stack') return [];
  for (const network of doc.model.networks.values()) {
    const driver = entry(network.node, 'driver');
    if (!driver || driver.via || !sameSpan(driver.value.span, finding.span) || get(network.node, 'name') || get(network.node, 'external')) continue;
    const engineNetwork = ENGINE_NETWORK_OF_DRIVER[doc.text.slice(driver.value.span.start, driver.value.span.end).replace(/["']/g, '')];
    if (!engineNetwork) return [];
    const separator = isFlow(doc, network.node) ? ', ' : `\n${indentOf(doc, driver.keySpan.start)}`;
    return quickfix(`Use the engine's '${engineNetwork}' network (external: true, name: ${engineNetwork})`, [{ span: entrySpan(doc, driver), newText: `external: true${separator}name: ${engineNetwork}` }]);
  }
  return [];
};
