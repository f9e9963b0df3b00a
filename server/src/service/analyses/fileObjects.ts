/**
 * Secrets, configs and volumes as the loaders read their source keys:
 * - a non-external secret needs `file` or `environment` (compose-go loader/validate.go and
 *   validation.checkFileObject), a config `file`, `environment` or `content`; `docker stack deploy` reads
 *   `file` unless the object is external or, for secrets, has a `driver` (docker/cli convert/compose.go).
 *   When the object names a source the tool refuses (stack: `environment`, `content`; Compose: `driver`,
 *   `template_driver`), that refusal is the finding, not "has no content".
 * - those sources exclude each other (checkFileObject: "file|environment|content attributes are
 *   mutually exclusive");
 * - `docker compose up` refuses external, `driver` and `template_driver` secrets that a service uses
 *   (docker/compose pkg/compose/create.go buildContainerSecretMounts);
 * - `external.name` next to a different `name` (compose-go transform/external.go; docker/cli loader.go
 *   refuses both together even when equal);
 * - an external volume with other keys (compose-go validation/external.go: any key but `name`; docker/cli
 *   loader.go LoadVolumes: `driver`, `driver_opts`, `labels`).
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import type { ComposeDocument } from '../parse/model';
import { entry, get, listItems, text, type Node } from '../parse/tree';
import type { Finding } from '../types';
import type { Analysis } from './analysis';
import { removeKeyFix } from './edits';
import { atKey } from './place';

type Section = 'secrets' | 'configs';

export function fileObjectsAnalysis(): Analysis {
  return {
    name: 'fileObjects',
    run: (doc) => [...sources(doc), ...externalNames(doc), ...externalVolumes(doc), ...composeUnsupportedSecrets(doc)],
    fixes: { 'external-volume-extra-keys': removeKeyFix },
  };
}

const SOURCES: Readonly<Record<'compose' | 'stack', Readonly<Record<Section, readonly string[]>>>> = {
  compose: { secrets: ['file', 'environment'], configs: ['file', 'environment', 'content'] },
  stack: { secrets: ['file', 'driver'], configs: ['file'] },
};
/** Sources the tool refuses, which another finding reports (stack-unsupported-key, secret-unsupported-by-compose). */
const REFUSED_SOURCES: Readonly<Record<'compose' | 'stack', readonly string[]>> = { compose: ['driver', 'template_driver'], stack: ['environment', 'content'] };

function isExternal(node: Node): boolean {
  const external = get(node, 'external');
  return external !== undefined && text(external) !== 'false';
}

function sources(doc: ComposeDocument): Finding[] {
  const findings: Finding[] = [];
  for (const section of ['secrets', 'configs'] as const) {
    const keys = SOURCES[doc.mode][section];
    for (const element of doc.model[section].values()) {
      const node = element.node;
      if (element.via || isExternal(node)) continue;
      const written = keys.filter((key) => get(node, key) !== undefined);
      const kind = section === 'secrets' ? 'Secret' : 'Config';
      if (written.length === 0 && !REFUSED_SOURCES[doc.mode].some((key) => get(node, key) !== undefined)) {
        findings.push({ code: section === 'secrets' ? 'secret-source-missing' : 'config-source-missing', severity: 'error', message: `${kind} '${element.name}' has no content: set ${keys.map((s) => `'${s}'`).join(' or ')}, or mark it 'external: true'.`, span: element.keySpan, docUrl: composeFileDoc(section) });
      }
      const exclusive = doc.mode === 'compose' ? written.filter((key) => key !== 'driver') : [];
      for (const key of exclusive.slice(1)) {
        findings.push(atKey(entry(node, key)!, { code: 'file-object-sources-exclusive', severity: 'error', message: `${kind} '${element.name}' sets ${exclusive.map((s) => `'${s}'`).join(' and ')}: Compose takes exactly one source and refuses the file ("${keys.join('|')} attributes are mutually exclusive"). Keep one.`, docUrl: composeFileDoc(section) }));
      }
    }
  }
  return findings;
}

function externalNames(doc: ComposeDocument): Finding[] {
  const findings: Finding[] = [];
  for (const section of ['networks', 'volumes', 'secrets', 'configs'] as const) {
    for (const element of doc.model[section].values()) {
      const legacy = text(get(get(element.node, 'external'), 'name'));
      const name = entry(element.node, 'name');
      const value = text(name?.value);
      if (legacy === undefined || !name || value === undefined || (doc.mode === 'compose' && value === legacy)) continue;
      findings.push(atKey(name, { code: 'external-name-conflict', severity: 'error', message: `${section.slice(0, -1)} '${element.name}' sets both 'name: ${value}' and the deprecated 'external.name: ${legacy}': ${doc.mode === 'stack' ? 'docker stack deploy' : 'Compose'} refuses the file ("name and external.name conflict; only use name"). Keep 'name' and write 'external: true'.`, docUrl: `${composeFileDoc(section)}#external` }));
    }
  }
  return findings;
}

function externalVolumes(doc: ComposeDocument): Finding[] {
  const findings: Finding[] = [];
  for (const volume of doc.model.volumes.values()) {
    if (volume.node.kind !== 'map' || !isExternal(volume.node)) continue;
    for (const item of volume.node.entries) {
      const refused = doc.mode === 'stack' ? ['driver', 'driver_opts', 'labels'].includes(item.key) : !['external', 'name'].includes(item.key) && !item.key.startsWith('x-');
      if (!refused) continue;
      findings.push(atKey(item, { code: 'external-volume-extra-keys', severity: 'error', message: `External volume '${volume.name}' cannot set '${item.key}': it already exists, and ${doc.mode === 'stack' ? 'docker stack deploy' : 'Compose'} refuses the file ("conflicting parameters "external" and "${item.key}" specified"). Remove '${item.key}'.`, docUrl: `${composeFileDoc('volumes')}#external` }));
    }
  }
  return findings;
}

/** Secrets a service of this file mounts, by name. */
function usedSecrets(doc: ComposeDocument): Set<string> {
  const used = new Set<string>();
  for (const service of doc.model.services.values()) {
    for (const item of listItems(get(service.node, 'secrets'))) {
      const name = item.kind === 'map' ? text(get(item, 'source')) : text(item);
      if (name !== undefined) used.add(name);
    }
  }
  return used;
}

function composeUnsupportedSecrets(doc: ComposeDocument): Finding[] {
  if (doc.mode !== 'compose') return [];
  // The services are walked only when some secret is of a kind Compose refuses.
  let used: Set<string> | undefined;
  const findings: Finding[] = [];
  for (const secret of doc.model.secrets.values()) {
    if (secret.node.kind !== 'map') continue;
    const item = isExternal(secret.node) ? entry(secret.node, 'external') : (entry(secret.node, 'driver') ?? entry(secret.node, 'template_driver'));
    if (!item || !(used ??= usedSecrets(doc)).has(secret.name)) continue;
    const what = item.key === 'external' ? 'external secrets' : `secrets with '${item.key}'`;
    findings.push(atKey(item, { code: 'secret-unsupported-by-compose', severity: 'error', message: `docker compose up does not support ${what} and fails for the services that use '${secret.name}': give it a 'file' or 'environment' source for Compose (Swarm stacks support it).`, docUrl: composeFileDoc('secrets') }));
  }
  return findings;
}
