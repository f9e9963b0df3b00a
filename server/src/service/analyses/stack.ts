/**
 * Stack files: service keys `docker stack deploy` refuses, ignores or deprecates, stack-only value rules
 * (quoted cpus, list-form depends_on), and the file version. Everything else the v3.13 schema refuses is
 * reported by the schema analysis (analyses/stackSchema.ts).
 * Sources: docker/cli cli/compose/types/types.go (Forbidden/Unsupported/DeprecatedProperties),
 * cli/compose/loader/loader.go, cli/compose/schema/schema.go (versions), cli/compose/convert/service.go
 * (restart fallback, network attachments), cli/command/stack/loader.go (image required).
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import { DEPRECATED_SERVICE_KEYS, FORBIDDEN_SERVICE_KEYS, IGNORED_SERVICE_KEYS, STACK_DEPLOY_DOCS, type StackKeyFact } from '../facts/stackKeys';
import type { ComposeDocument } from '../parse/model';
import { serviceNetworks } from '../parse/compose';
import { at, entry, get, isInterpolated, text, type Entry, type MapNode } from '../parse/tree';
import type { Finding } from '../types';
import type { Analysis } from './analysis';
import { perService } from './perService';
import { atKey, atValue } from './place';
import type { SchemaClaim } from './schema';
import { stackFixes } from './stackFixes';
import { STACK_FORMAT } from './stackSchema';
import { stackVersion } from './stackVersion';
import { append } from '../append';

const CPUS_PATHS = [
  ['deploy', 'resources', 'limits', 'cpus'],
  ['deploy', 'resources', 'reservations', 'cpus'],
] as const;

export const stackAnalysis: Analysis = {
  name: 'stack',
  run(doc: ComposeDocument): Finding[] {
    if (doc.mode !== 'stack') return [];
    return [...versionFindings(doc), ...stackServiceFindings(doc)];
  },
  fixes: stackFixes,
};

/** Schema errors the stack analysis reports itself, with its own codes. */
export const stackSchemaClaim: SchemaClaim = ({ error, path, node }, mode) => {
  if (mode !== 'stack' || path[0] !== 'services') return false;
  if (error.keyword === 'additionalProperties') return path.length === 2 && String(error.params['additionalProperty']) in FORBIDDEN_SERVICE_KEYS;
  if (error.keyword !== 'type') return false;
  const rest = path.slice(2).join('.');
  if (rest === 'depends_on') return node?.kind === 'map';
  return CPUS_PATHS.some((p) => p.join('.') === rest) && node?.kind === 'scalar' && typeof node.value === 'number';
};

/** Keys and values docker stack deploy refuses or ignores, service by service. */
const stackServiceFindings = perService(({ name, node, keySpan }) => {
  if (node.kind !== 'map') return [];
  const findings = [...serviceKeyFindings(name, node), ...valueFindings(name, node)];
  if (get(node, 'build') && !get(node, 'image')) {
    findings.push({
      code: 'stack-build-without-image',
      severity: 'error',
      message: `Service '${name}' has build but no image: docker stack deploy never builds and refuses a service without an image; build and push one and name it in image:.`,
      span: keySpan,
      docUrl: STACK_DEPLOY_DOCS,
    });
  }
  return findings;
});

function versionFindings(doc: ComposeDocument): Finding[] {
  const version = doc.model.topLevel.find((item) => item.key === 'version');
  const { schema, declared } = stackVersion(doc);
  if (!version || schema !== undefined) return [];
  return [
    atValue(version.node, {
      code: 'stack-version-unsupported',
      severity: 'error',
      message: `docker stack deploy only reads Compose file format 3 ("unsupported Compose file version: ${declared}"): use version "3.13" or remove the line.`,
      docUrl: composeFileDoc('legacy-versions'),
    }),
  ];
}

function serviceKeyFindings(service: string, node: MapNode): Finding[] {
  const findings: Finding[] = [];
  for (const item of node.entries) {
    const forbidden = FORBIDDEN_SERVICE_KEYS[item.key];
    if (forbidden) {
      findings.push(keyFinding(item, 'stack-forbidden-key', 'error', `docker stack deploy refuses '${item.key}' in service '${service}' ("compose file contains unsupported options"): ${forbidden.advice}.`, forbidden.docUrl));
      continue;
    }
    const ignored = IGNORED_SERVICE_KEYS[item.key];
    if (ignored) {
      append(findings, ignoredKeyFindings(service, node, item, ignored));
      continue;
    }
    const deprecated = DEPRECATED_SERVICE_KEYS[item.key];
    if (deprecated) {
      findings.push({ ...keyFinding(item, 'stack-deprecated-key', 'information', `docker stack deploy ignores '${item.key}' in service '${service}' (deprecated): ${deprecated.advice}.`, deprecated.docUrl), tags: ['deprecated'] });
    }
  }
  const dependsOn = entry(node, 'depends_on');
  if (dependsOn?.value.kind === 'seq') {
    findings.push({
      ...keyFinding(dependsOn, 'stack-depends-on-ignored', 'information', `docker stack deploy ignores depends_on: Swarm starts the services of '${service}' in no particular order, so make it retry until its dependencies answer.`, STACK_DEPLOY_DOCS),
      tags: ['unnecessary'],
    });
  } else if (dependsOn?.value.kind === 'map') {
    findings.push(keyFinding(dependsOn, 'stack-depends-on-long-form', 'error', `${STACK_FORMAT} only accepts depends_on as a list of service names; the long form with conditions is refused (and the order is ignored anyway).`, STACK_DEPLOY_DOCS));
  }
  for (const attachment of serviceNetworks(node)) {
    for (const [key, address] of [['ipv4_address', attachment.ipv4Address], ['ipv6_address', attachment.ipv6Address]] as const) {
      const addressEntry = address && attachment.config ? entry(attachment.config, key) : undefined;
      if (!addressEntry) continue;
      findings.push(keyFinding(addressEntry, 'stack-ignored-key', 'warning', `docker stack deploy silently drops '${key}' on network '${attachment.name}' of service '${service}': Swarm assigns task addresses itself (tasks can be reached by service name or through the service VIP).`, 'https://docs.docker.com/engine/swarm/networking/'));
    }
  }
  return findings;
}

function ignoredKeyFindings(service: string, node: MapNode, item: Entry, fact: StackKeyFact): Finding[] {
  const ignored = (advice: string): Finding => keyFinding(item, 'stack-ignored-key', 'warning', `docker stack deploy ignores '${item.key}' in service '${service}': ${advice}.`, fact.docUrl);
  if (item.key === 'build') {
    // build + image is the documented stack workflow (compose build/push, then stack deploy): a hint only.
    // Without an image the service is refused: stack-build-without-image, reported on the service.
    const image = text(get(node, 'image'));
    if (image === undefined) return [];
    return [keyFinding(item, 'stack-build-ignored', 'information', `docker stack deploy ignores 'build' in service '${service}' and runs the image '${image}': build and push it first (docker compose build && docker compose push).`, fact.docUrl)];
  }
  if (item.key === 'network_mode' && text(item.value) === 'host') {
    return [ignored("for host networking declare the network `host` as external (networks: {host: {external: true}}) and attach the service to it")];
  }
  if (item.key !== 'restart') return [ignored(fact.advice)];
  // docker/cli lists `restart` as unsupported but convertRestartPolicy still reads it when
  // deploy.restart_policy is absent: always/unless-stopped become `any`, on-failure[:N] `on-failure`,
  // and `no` becomes no policy at all, which Swarm runs as its default `any`.
  if (get(get(node, 'deploy'), 'restart_policy')) return [ignored('deploy.restart_policy takes precedence')];
  const value = text(item.value);
  if (value === undefined || isInterpolated(item.value)) return [];
  if (value === 'no' || value === '') {
    // docker/cli convertRestartPolicy sends no policy for `no`; swarmkit's default is `any` (api/defaults/service.go).
    return [keyFinding(item, 'stack-restart-no-ignored', 'warning', `docker stack deploy ignores 'restart: ${value || '""'}' in service '${service}' and Swarm still restarts its tasks (its default condition is 'any'): set deploy.restart_policy.condition: none to stop that.`, fact.docUrl)];
  }
  return [
    keyFinding(item, 'stack-restart-fallback', 'information', `docker stack deploy warns that it ignores 'restart', yet uses '${value}' because service '${service}' has no deploy.restart_policy: write deploy.restart_policy.condition instead.`, fact.docUrl),
  ];
}

function valueFindings(service: string, node: MapNode): Finding[] {
  const findings: Finding[] = [];
  for (const path of CPUS_PATHS) {
    const value = at(node, ...path);
    if (value?.kind !== 'scalar' || typeof value.value !== 'number') continue;
    findings.push(
      atValue(value, {
        code: 'stack-cpus-not-string',
        severity: 'error',
        message: `'${path.join('.')}' of service '${service}' must be a string in stack files ("must be a string"): quote it, '${value.raw}'.`,
        docUrl: composeFileDoc('deploy', 'resources'),
      }),
    );
  }
  return findings;
}

function keyFinding(item: Entry, code: string, severity: Finding['severity'], message: string, docUrl: string): Finding {
  return atKey(item, { code, severity, message, docUrl });
}
