/**
 * References to names the file does not declare: networks, volumes, secrets, configs (compose-go
 * `loader/validate.go` "refers to undefined …"; docker/cli `convert` "undefined network/secret/config")
 * and services (`depends_on`, `links`, `network_mode: service:`, `volumes_from`, `extends`), which
 * compose-go turns into dependencies and rejects with "depends on undefined service".
 */
import { COMPOSE_FILE_DOCS, composeFileDoc } from '../../facts/composeFileDocs';
import type { ComposeDocument } from '../../parse/model';
import { closest, didYouMean } from '../../suggest';
import type { Finding, Severity } from '../../types';
import { FindingSet } from '../findingSet';
import { mayBeDeclaredElsewhere } from './partialFile';
import { referenceIndex, SECTION_OF, type Reference, type ReferenceKey } from './referenceIndex';


interface Rule {
  readonly code: string;
  readonly docUrl: string;
  /** Service references are a Compose matter: `docker stack deploy` ignores or forbids these keys. */
  readonly composeOnly: boolean;
  /** `where` names what was searched: this file, or every file of the project. */
  readonly describe: (r: Reference, where: string) => string;
}

export const UNDEFINED_RULES: Readonly<Record<ReferenceKey, Rule>> = {
  networks: resourceRule('network-undefined', 'networks/', 'network'),
  volumes: resourceRule('volume-undefined', 'volumes/', 'volume'),
  secrets: resourceRule('secret-undefined', 'secrets/', 'secret'),
  // `docker stack deploy` ignores `build`.
  'build.secrets': { ...resourceRule('secret-undefined', 'build/#secrets', 'build secret'), composeOnly: true },
  configs: resourceRule('config-undefined', 'configs/', 'config'),
  // compose-go accepts `required: false` only for a service that exists but is disabled by profiles.
  depends_on: serviceRule('depends-on-undefined', 'depends_on', (r, where) => `Service '${r.from}' depends on '${r.name}', which is not a service in ${where}.${r.required ? '' : " 'required: false' only allows a service that is defined but disabled by profiles."}`),
  links: serviceRule('links-undefined', 'links', (r, where) => `Service '${r.from}' links to '${r.name}', which is not a service in ${where}.`),
  network_mode: serviceRule('network-mode-service-undefined', 'network_mode', (r, where) => `'network_mode' of service '${r.from}' shares the network of service '${r.name}', which is not a service in ${where}.`),
  ipc: serviceRule('ipc-service-undefined', 'ipc', (r, where) => `'ipc' of service '${r.from}' shares the IPC namespace of service '${r.name}', which is not a service in ${where}.`),
  pid: serviceRule('pid-service-undefined', 'pid', (r, where) => `'pid' of service '${r.from}' shares the PID namespace of service '${r.name}', which is not a service in ${where}.`),
  volumes_from: serviceRule('volumes-from-undefined', 'volumes_from', (r, where) =>
    r.name === 'service'
      ? `Service '${r.from}' mounts volumes from 'service', which is not a service in ${where}: 'volumes_from' takes the service name alone ('db' or 'db:ro'), not 'service:db'.`
      : `Service '${r.from}' mounts volumes from '${r.name}', which is not a service in ${where} (write 'container:${r.name}' for a container).`),
  extends: serviceRule('extends-undefined', 'extends', (r) => `Service '${r.from}' extends '${r.name}', which is not a service in this file (add 'file:' when it lives in another file).`),
};

function resourceRule(code: string, page: string, what: string): Rule {
  const section = page.startsWith('build') ? 'secrets' : page.slice(0, -1);
  return {
    code,
    docUrl: COMPOSE_FILE_DOCS + page,
    composeOnly: false,
    describe: (r) => `Service '${r.from}' refers to ${what} '${r.name}', which is not declared under top-level '${section}'.`,
  };
}

function serviceRule(code: string, anchor: string, describe: (r: Reference, where: string) => string): Rule {
  return { code, docUrl: composeFileDoc('services', anchor), composeOnly: true, describe };
}

export function findUndefinedReferences(doc: ComposeDocument): Finding[] {
  // Split set-ups (`-f base.yml -f this.yml`) that Shipshape could not discover declare names in another
  // file: Compose accepts the merged model, so where the evidence says so this is a warning, not an error.
  const set = new FindingSet();
  for (const reference of referenceIndex(doc).references) {
    const rule = UNDEFINED_RULES[reference.key];
    if ((rule.composeOnly && doc.mode === 'stack') || isDeclared(doc, reference)) continue;
    const partial = mayBeDeclaredElsewhere(doc, reference.from);
    const severity: Severity = partial ? 'warning' : 'error';
    const suffix = partial ? ' Compose accepts it only if another Compose file merged with this one declares it.' : '';
    set.add(
      {
        code: rule.code,
        severity,
        message: rule.describe(reference, doc.whole ? 'any file of this project' : 'this file') + didYouMean(reference.name, candidatesFor(doc, reference)) + suffix,
        span: reference.span,
        docUrl: rule.docUrl,
      },
      { via: reference.via, service: reference.from },
    );
  }
  return set.findings();
}

function isDeclared(doc: ComposeDocument, reference: Reference): boolean {
  if (doc.model[SECTION_OF[reference.kind]].has(reference.name)) return true;
  // Compose adds the `default` network implicitly (compose-go `normalizeNetworks`).
  return reference.kind === 'network' && reference.name === 'default';
}

/** The declared name closest to the misspelt one in a finding, for the "replace" quick fix. */
export function suggestionFor(doc: ComposeDocument, reference: Reference): string | undefined {
  return closest(reference.name, candidatesFor(doc, reference));
}

/** Declared names of the reference's kind; a service is no candidate for its own dependency. */
function candidatesFor(doc: ComposeDocument, reference: Reference): string[] {
  return [...doc.model[SECTION_OF[reference.kind]].keys()].filter((name) => reference.kind !== 'service' || name !== reference.from);
}
