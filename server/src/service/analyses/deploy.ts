/**
 * `deploy` values Docker refuses or ignores: enumerations, replica counts, job and global-mode
 * combinations, and the deploy keys `docker compose` does nothing with.
 * Sources: https://docs.docker.com/reference/compose-file/deploy/ ; docker/cli cli/compose/convert/service.go
 * (convertDeployMode, convertEndpointSpec); moby daemon/cluster/convert/service.go (restart condition,
 * failure action, order); moby/swarmkit manager/controlapi/service.go (validateJob, validateMode);
 * compose-spec/compose-go loader/validate.go (scale, replicas); docker/compose pkg/compose/create.go.
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import { DEPLOY_ENUMS, DEPLOY_KEYS } from '../facts/deployKeys';
import type { ComposeDocument } from '../parse/model';
import { at, entry, get, isInterpolated, numberValue, text, type Entry, type MapNode, type Node } from '../parse/tree';
import { closest, didYouMean } from '../suggest';
import type { CodeAction, ComposeMode, Finding } from '../types';
import { sameSpan, type Analysis } from './analysis';
import { perService } from './perService';
import { atKey, atValue } from './place';
import type { SchemaClaim } from './schema';
import { append } from '../append';

const DOCS = composeFileDoc('deploy');
type EnumKey = keyof typeof DEPLOY_ENUMS;

interface InvalidEnum {
  readonly node: Node;
  readonly allowed: readonly string[];
  readonly finding: Finding;
}

/** Enumerations each target acts on; compose ignores the others (see deploy-key-ignored-by-compose). */
const CHECKED_ENUMS: Readonly<Record<ComposeMode, readonly EnumKey[]>> = {
  stack: ['mode', 'endpoint_mode', 'restart_policy.condition', 'update_config.failure_action', 'rollback_config.failure_action', 'update_config.order', 'rollback_config.order'],
  // The Compose Specification schema itself restricts `order`, so compose-go refuses bad values there too.
  compose: ['restart_policy.condition', 'update_config.order', 'rollback_config.order'],
};

/** Docker's restart names that docker compose maps (create.go mapRestartPolicyCondition), as Swarm writes them. */
const SWARM_CONDITION: Readonly<Record<string, string>> = { always: 'any', 'unless-stopped': 'any', no: 'none' };

export const deployAnalysis: Analysis = {
  name: 'deploy',
  run: perService(({ name, node: service }, mode) => {
    const findings: Finding[] = serviceInvalidEnums(name, service, mode).map((item) => item.finding);
    const deploy = get(service, 'deploy');
    if (deploy?.kind === 'map') append(append(findings, replicaFindings(name, deploy, mode)), modeFindings(name, deploy, mode));
    if (mode === 'compose') append(append(findings, scaleMismatch(name, service)), negativeScale(name, service));
    if (mode === 'compose' && deploy?.kind === 'map') append(findings, ignoredByCompose(name, deploy));
    return findings;
  }),
  fixes: {
    'restart-condition-not-swarm': replaceEnum,
    'deploy-invalid-value': replaceEnum,
  },
};

/** Replaces an invalid enum value: with the closest allowed value when one is close, else with each choice. */
function replaceEnum(doc: ComposeDocument, finding: Finding): CodeAction[] {
  const item = invalidEnums(doc).find((candidate) => sameSpan(candidate.finding.span, finding.span));
  if (!item) return [];
  const value = text(item.node) ?? '';
  const best = item.allowed.length === 1 ? item.allowed[0] : closest(value, item.allowed);
  const choices = best ? [best] : item.allowed;
  return choices.map((choice): CodeAction => ({ title: `Replace with '${choice}'`, kind: 'quickfix', edits: [{ span: item.node.span, newText: choice }], isPreferred: choice === best }));
}

/** `order` is a schema enum too; the deploy analysis reports it once, as deploy-invalid-value with a fix. */
export const deployEnumSchemaClaim: SchemaClaim = ({ error, path }) =>
  error.keyword === 'enum' && path[0] === 'services' && path[2] === 'deploy' && path.length === 5 && path[4] === 'order';

function invalidEnums(doc: ComposeDocument): InvalidEnum[] {
  return [...doc.model.services.values()].flatMap(({ name, node }) => serviceInvalidEnums(name, node, doc.mode));
}

function serviceInvalidEnums(name: string, service: Node, mode: ComposeMode): InvalidEnum[] {
  const deploy = get(service, 'deploy');
  if (deploy?.kind !== 'map') return [];
  const result: InvalidEnum[] = [];
  for (const key of CHECKED_ENUMS[mode]) {
    const node = at(deploy, ...key.split('.'));
    const value = text(node);
    if (!node || value === undefined || isInterpolated(node)) continue;
    const values = DEPLOY_ENUMS[key];
    const allowed: readonly string[] = mode === 'compose' && 'compose' in values ? values.compose : values.stack;
    // docker/cli lower-cases endpoint_mode before sending it (convertEndpointSpec).
    const candidate = key === 'endpoint_mode' ? value.toLowerCase() : value;
    if (allowed.includes(candidate)) continue;
    if (key === 'rollback_config.failure_action' && value === 'rollback') {
      result.push({ node, allowed, finding: atValue(node, { code: 'rollback-failure-action-rollback', severity: 'warning', message: `'rollback' as rollback_config.failure_action of service '${name}' acts like 'pause': Swarm never rolls back a rollback. Use 'pause' or 'continue'.`, docUrl: `${DOCS}#rollback_config` }) });
      continue;
    }
    const swarmName = key === 'restart_policy.condition' && mode === 'stack' ? SWARM_CONDITION[value] : undefined;
    if (swarmName) {
      result.push({ node, allowed: [swarmName], finding: atValue(node, { code: 'restart-condition-not-swarm', severity: 'error', message: `Swarm has no restart condition '${value}' (only docker compose maps it): docker stack deploy fails with "invalid RestartCondition". Use '${swarmName}'.`, docUrl: DEPLOY_KEYS[key]?.docUrl ?? DOCS }) });
      continue;
    }
    const message = `'${value}' is not a valid deploy.${key} for service '${name}': use ${allowed.join(', ')}.${didYouMean(value, allowed)}`;
    result.push({ node, allowed, finding: atValue(node, { code: 'deploy-invalid-value', severity: 'error', message, docUrl: DEPLOY_KEYS[key]?.docUrl ?? DOCS }) });
  }
  return result;
}

function replicaFindings(service: string, deploy: MapNode, mode: ComposeMode): Finding[] {
  const replicas = entry(deploy, 'replicas');
  const findings: Finding[] = [];
  if (!replicas || isInterpolated(replicas.value)) return findings;
  const count = numberValue(replicas.value);
  if (count !== undefined && count < 0) {
    findings.push(atValue(replicas.value, { code: 'replicas-negative', severity: 'error', message: `deploy.replicas of service '${service}' is ${count}: it must be 0 or more.`, docUrl: `${DOCS}#replicas` }, replicas));
  }
  const deployMode = text(get(deploy, 'mode'));
  if (mode === 'stack' && (deployMode === 'global' || deployMode === 'global-job')) {
    findings.push(atKey(replicas, { code: 'replicas-with-global', severity: 'error', message: `Service '${service}' runs in ${deployMode} mode (one task per node), which refuses replicas ("replicas can only be used with replicated or replicated-job mode"): remove it.`, docUrl: `${DOCS}#replicas` }));
  }
  return findings;
}

/** compose-go: "services.x.scale: must be greater than or equal to 0". */
function negativeScale(service: string, node: Node): Finding[] {
  const scale = entry(node, 'scale');
  if (!scale || isInterpolated(scale.value) || (numberValue(scale.value) ?? 0) >= 0) return [];
  return [atValue(scale.value, { code: 'replicas-negative', severity: 'error', message: `scale of service '${service}' is ${text(scale.value) ?? ''}: it must be 0 or more.`, docUrl: composeFileDoc('services', 'scale') }, scale)];
}

function modeFindings(service: string, deploy: MapNode, mode: ComposeMode): Finding[] {
  if (mode !== 'stack') return [];
  const deployMode = text(get(deploy, 'mode'));
  const findings: Finding[] = [];
  const update = entry(deploy, 'update_config');
  if (update && (deployMode === 'replicated-job' || deployMode === 'global-job')) {
    findings.push(atKey(update, { code: 'job-with-update-config', severity: 'error', message: `Service '${service}' is a ${deployMode}, and Swarm refuses jobs with an update config ("Jobs may not have an update config"): remove update_config.`, docUrl: `${DOCS}#update_config` }));
  }
  const maxPerNode = entry(get(deploy, 'placement'), 'max_replicas_per_node');
  if (maxPerNode && (deployMode === 'global' || deployMode === 'global-job')) {
    findings.push({ ...atKey(maxPerNode, { code: 'max-replicas-per-node-global', severity: 'information', message: `max_replicas_per_node has no effect on ${deployMode} service '${service}': it already runs one task per node.`, docUrl: `${DOCS}#placement` }), tags: ['unnecessary'] });
  }
  return findings;
}

/** compose-go: "can't set distinct values on 'scale' and 'deploy.replicas'". */
function scaleMismatch(service: string, node: Node): Finding[] {
  const scale = entry(node, 'scale');
  const replicas = entry(get(node, 'deploy'), 'replicas');
  if (!scale || !replicas || isInterpolated(scale.value) || isInterpolated(replicas.value)) return [];
  const [a, b] = [numberValue(scale.value), numberValue(replicas.value)];
  if (a === undefined || b === undefined || a === b) return [];
  const message = `scale (${a}) and deploy.replicas (${b}) of service '${service}' differ: docker compose refuses distinct values; keep one.`;
  return [
    atValue(scale.value, { code: 'scale-replicas-mismatch', severity: 'error', message, docUrl: composeFileDoc('services', 'scale'), related: [{ span: replicas.value.span, message: 'deploy.replicas is set here.' }] }, scale),
    atValue(replicas.value, { code: 'scale-replicas-mismatch', severity: 'error', message, docUrl: `${DOCS}#replicas`, related: [{ span: scale.value.span, message: 'scale is set here.' }] }, replicas),
  ];
}

/** The outermost deploy keys `docker compose up` does nothing with (DEPLOY_KEYS.honouredByCompose). */
function ignoredByCompose(service: string, deploy: MapNode): Finding[] {
  const findings: Finding[] = [];
  const visit = (map: MapNode, prefix: string): void => {
    for (const item of map.entries) {
      const path = prefix ? `${prefix}.${item.key}` : item.key;
      const fact = DEPLOY_KEYS[path];
      if (!fact) continue;
      if (!fact.honouredByCompose) {
        if (path === 'mode' && (text(item.value) ?? 'replicated') === 'replicated') continue;
        findings.push({ ...atKey(item, { code: 'deploy-key-ignored-by-compose', severity: 'information', message: ignoredMessage(service, path, item), docUrl: fact.docUrl }), tags: ['unnecessary'] });
      } else if (item.value.kind === 'map') {
        visit(item.value, path);
      }
    }
  };
  visit(deploy, '');
  return findings;
}

function ignoredMessage(service: string, path: string, item: Entry): string {
  const base = `docker compose ignores deploy.${path} of service '${service}'`;
  if (path === 'mode') {
    const value = text(item.value) ?? '';
    const valid = DEPLOY_ENUMS.mode.stack as readonly string[];
    const note = valid.includes(value) ? '' : ` ('${value}' is not a Swarm mode either: use ${valid.join(', ')}.${didYouMean(value, valid)})`;
    return `${base}: it runs ${value === 'global' ? 'one container (or deploy.replicas), not one per node' : 'deploy.replicas containers'}; only docker stack deploy uses the mode.${note}`;
  }
  return `${base}: only docker stack deploy (Swarm) uses it.`;
}
