/**
 * `deploy.restart_policy` read the way each tool reads it, which is not the same:
 * - docker compose (pkg/compose/create.go getRestartPolicy, mapRestartPolicyCondition) replaces the
 *   service's `restart` with the deploy policy, maps `any`→`always` and `none`→`no`, and sends an absent
 *   condition as the empty policy, which the engine never restarts (moby api/types/container/hostconfig.go
 *   IsNone). The engine refuses a retry count with anything but `on-failure` (ValidateRestartPolicy:
 *   "maximum retry count can only be used with 'on-failure'").
 * - Swarm (moby daemon/cluster/convert/service.go restartPolicyToGRPC) fills in `any` for an absent
 *   condition and knows only none, on-failure and any (`restart-condition-not-swarm`, in deploy.ts).
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import { entry, get, isInterpolated, numberValue, text, type Entry, type MapNode } from '../parse/tree';
import type { CodeAction, Finding } from '../types';
import { sameSpan, type Analysis } from './analysis';
import { insertFirstEntry } from './edits';
import { perService } from './perService';
import { atKey, atValue } from './place';

const DOC_URL = `${composeFileDoc('deploy')}#restart_policy`;
/** Conditions docker compose turns into a policy without retry counts. */
const NO_RETRY_CONDITIONS = new Set(['any', 'always', 'none', 'no', 'unless-stopped']);

export const restartPolicyAnalysis: Analysis = {
  name: 'restartPolicy',
  run: perService(({ name, node }, mode) => {
    const policy = entry(get(node, 'deploy'), 'restart_policy');
    if (mode !== 'compose' || policy?.value.kind !== 'map') return [];
    return composePolicyFindings(name, policy, policy.value, text(get(node, 'restart')));
  }),
  fixes: {
    'restart-policy-no-condition': (doc, finding) => {
      for (const service of doc.model.services.values()) {
        const policy = entry(get(service.node, 'deploy'), 'restart_policy');
        if (!policy || policy.value.kind !== 'map' || !sameSpan(policy.keySpan, finding.span)) continue;
        const condition = get(policy.value, 'max_attempts') ? 'on-failure' : 'any';
        const edit = insertFirstEntry(doc, policy.value, `condition: ${condition}`);
        return edit ? [{ title: `Add 'condition: ${condition}'`, kind: 'quickfix', edits: [edit], isPreferred: true } satisfies CodeAction] : [];
      }
      return [];
    },
    'restart-policy-max-attempts-condition': (doc, finding) => {
      for (const service of doc.model.services.values()) {
        const policy = get(get(service.node, 'deploy'), 'restart_policy');
        const attempts = get(policy, 'max_attempts');
        const condition = get(policy, 'condition');
        if (!attempts || !condition || condition.via || !sameSpan(attempts.span, finding.span)) continue;
        return [{ title: "Change the condition to 'on-failure'", kind: 'quickfix', edits: [{ span: condition.span, newText: 'on-failure' }], isPreferred: true } satisfies CodeAction];
      }
      return [];
    },
  },
};

function composePolicyFindings(service: string, item: Entry, policy: MapNode, restart: string | undefined): Finding[] {
  const condition = entry(policy, 'condition');
  const attempts = entry(policy, 'max_attempts');
  if (!condition) {
    const replaced = restart === undefined ? '' : ` It also replaces the service's 'restart: ${restart}'.`;
    return [
      atKey(
        item,
        { code: 'restart-policy-no-condition', severity: 'warning', message: `deploy.restart_policy of service '${service}' sets no condition: docker compose then sends an empty restart policy, so the container is never restarted (Swarm would use 'any').${replaced} Set 'condition'.`, docUrl: DOC_URL },
      ),
    ];
  }
  const value = text(condition.value);
  const count = numberValue(attempts?.value);
  if (!attempts || value === undefined || isInterpolated(condition.value) || !NO_RETRY_CONDITIONS.has(value) || count === undefined || count === 0) return [];
  return [
    atValue(
      attempts.value,
      { code: 'restart-policy-max-attempts-condition', severity: 'error', message: `docker compose cannot create service '${service}': max_attempts works only with condition 'on-failure', and the engine refuses it with '${value}' ("maximum retry count can only be used with 'on-failure'").`, docUrl: DOC_URL, related: [{ span: condition.value.span, message: `condition '${value}'` }] },
      attempts,
    ),
  ];
}
