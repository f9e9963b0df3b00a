/**
 * Placement constraints and preferences of stack services, read the way Swarm reads them
 * (moby/swarmkit manager/constraint/constraint.go `Parse` and `NodeMatches`, commit 3e72cb6):
 * - a constraint is `key op value` with op `==` or `!=` (the first one found wins); key and value must
 *   match Swarm's patterns, otherwise the service is refused;
 * - a key Swarm does not know matches no node, whatever the operator: tasks stay pending forever;
 * - values compare case-insensitively; constraints are ANDed, so `==a` with `==b` never matches;
 * - a spread preference over anything but node.labels.* / engine.labels.* is silently skipped
 *   (manager/scheduler/nodeset.go).
 * Docker Compose ignores placement (see deploy-key-ignored-by-compose), so these run on stack files only.
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import { CONSTRAINT_ATTRIBUTES, CONSTRAINT_LABEL_PREFIXES } from '../facts/deployKeys';
import type { ComposeDocument } from '../parse/model';
import { at, isInterpolated, text, type Node, type ScalarNode } from '../parse/tree';
import { didYouMean } from '../suggest';
import type { Finding } from '../types';
import type { Analysis } from './analysis';
import { perService } from './perService';
import { atValue } from './place';
import { pushTo } from '../multimap';
import { append } from '../append';

const DOCS = composeFileDoc('deploy', 'constraints');
const KEY_PATTERN = /^[a-z_][a-z0-9\-_.]+$/i;
const VALUE_PATTERN = /^[a-z0-9:\-_\s.*()?+[\]\\^$|/]+$/i;

/** One constraint as Swarm reads it. */
export interface ConstraintExpression {
  readonly key: string;
  readonly operator: '==' | '!=';
  readonly value: string;
}

interface Constraint extends ConstraintExpression {
  readonly node: ScalarNode;
}

/** Constraints and preferences of each service. */
const servicePlacementFindings = perService(({ name, node: service }) => {
  const findings: Finding[] = [];
  const constraints: Constraint[] = [];
  for (const item of items(at(service, 'deploy', 'placement', 'constraints'))) {
    const result = parseConstraint(String(item.value));
    if ('problem' in result) findings.push(invalid(item, name, result.problem));
    else {
      const constraint = { node: item, ...result };
      constraints.push(constraint);
      append(findings, attributeFindings(constraint, name));
    }
  }
  append(findings, contradictions(constraints, name));
  const preferences = at(service, 'deploy', 'placement', 'preferences');
  for (const preference of preferences?.kind === 'seq' ? preferences.items : []) {
    const spread = at(preference, 'spread');
    const value = text(spread);
    if (!spread || value === undefined || isInterpolated(spread) || isLabel(value)) continue;
    findings.push(
      atValue(spread, {
        code: 'placement-preference-invalid',
        severity: 'warning',
        message: `Swarm only spreads over node.labels.<name> or engine.labels.<name>, so the preference '${value}' of service '${name}' is skipped.${spreadSuggestion(value)}`,
        docUrl: composeFileDoc('deploy', 'preferences'),
      }),
    );
  }
  return findings;
});

export const placementAnalysis: Analysis = {
  name: 'placement',
  run(doc: ComposeDocument): Finding[] {
    return doc.mode === 'stack' ? servicePlacementFindings(doc) : [];
  },
  fixes: {
    'placement-constraint-invalid': (doc, finding) => {
      const raw = doc.text.slice(finding.span.start, finding.span.end);
      const single = /^(["']?)([^=!<>]*?)\s*=\s*([^=]*)\1$/.exec(raw);
      if (!single) return [];
      const [, quote = '', key = '', value = ''] = single;
      return [{ title: "Use '==' (Swarm has no '=')", kind: 'quickfix', edits: [{ span: finding.span, newText: `${quote}${key.trim()} == ${value.trim()}${quote}` }], isPreferred: true }];
    },
  },
};

/** `zone` and `node.label.zone` were meant as `node.labels.zone`; other node attributes cannot be spread over. */
function spreadSuggestion(value: string): string {
  const label = /^(?:node\.label\.)?([^.]+)$/.exec(value)?.[1];
  return label ? ` Did you mean 'node.labels.${label}'?` : '';
}

function items(node: Node | undefined): ScalarNode[] {
  if (node?.kind !== 'seq') return [];
  return node.items.filter((item): item is ScalarNode => item.kind === 'scalar' && typeof item.value === 'string' && !isInterpolated(item));
}

/** swarmkit constraint.Parse, one expression. */
export function parseConstraint(expression: string): ConstraintExpression | { problem: string } {
  for (const operator of ['==', '!='] as const) {
    const at = expression.indexOf(operator);
    if (at < 0) continue;
    const key = expression.slice(0, at).trim();
    const value = expression.slice(at + operator.length).trim();
    if (!KEY_PATTERN.test(key)) return { problem: `the attribute '${key}' is not valid` };
    if (!VALUE_PATTERN.test(value)) return { problem: value === '' ? 'the value is missing' : `the value '${value}' has characters Swarm does not accept` };
    return { key, operator, value };
  }
  const hint = /[^=!<>]=[^=]/.test(expression) ? "; write '==' instead of '='" : '';
  return { problem: `it needs the operator == or !=${hint}` };
}

function invalid(node: ScalarNode, service: string, problem: string): Finding {
  return atValue(node, { code: 'placement-constraint-invalid', severity: 'error', message: `Swarm refuses the placement constraint '${String(node.value)}' of service '${service}': ${problem}.`, docUrl: DOCS });
}

/** True for `node.labels.<name>` and `engine.labels.<name>` in any case. */
export function isLabel(key: string): boolean {
  const lower = key.toLowerCase();
  return CONSTRAINT_LABEL_PREFIXES.some((prefix) => lower.length > prefix.length && lower.startsWith(prefix));
}

const ROLES = ['manager', 'worker'];

function attributeFindings(constraint: Constraint, service: string): Finding[] {
  const key = constraint.key.toLowerCase();
  if (!(key in CONSTRAINT_ATTRIBUTES) && !isLabel(key)) {
    const known = [...Object.keys(CONSTRAINT_ATTRIBUTES), ...CONSTRAINT_LABEL_PREFIXES.map((prefix) => `${prefix}<name>`)];
    const guess = key === 'node.name' ? " Did you mean 'node.hostname'?" : /^(node|engine)\.label\./.test(key) ? ` Did you mean '${key.replace('.label.', '.labels.')}'?` : didYouMean(key, Object.keys(CONSTRAINT_ATTRIBUTES));
    return [
      atValue(constraint.node, {
        code: 'placement-constraint-unknown-attr',
        severity: 'error',
        message: `'${constraint.key}' is not a node attribute Swarm knows, so no node matches and the tasks of service '${service}' stay pending. Use ${known.join(', ')}.${guess}`,
        docUrl: DOCS,
      }),
    ];
  }
  if (key === 'node.role' && constraint.operator === '==' && !ROLES.includes(constraint.value.toLowerCase())) {
    return [
      atValue(constraint.node, {
        code: 'placement-constraint-invalid',
        severity: 'error',
        message: `The placement constraint '${String(constraint.node.value)}' of service '${service}' matches no node, so its tasks stay pending: node.role is 'manager' or 'worker'.${didYouMean(constraint.value, ROLES)}`,
        docUrl: DOCS,
      }),
    ];
  }
  return [];
}

/** Attribute names are case-insensitive, label names are not (`node.labels.Zone` is another label). */
function attributeKey(key: string): string {
  const prefix = CONSTRAINT_LABEL_PREFIXES.find((p) => key.toLowerCase().startsWith(p));
  return prefix ? prefix + key.slice(prefix.length) : key.toLowerCase();
}

/** Pairs on the same attribute that no node satisfies together; bucketed by attribute, so linear. */
function contradictions(constraints: readonly Constraint[], service: string): Finding[] {
  const byKey = new Map<string, Constraint[]>();
  for (const constraint of constraints) {
    const key = attributeKey(constraint.key);
    // node.ip compares addresses and ranges, not strings.
    if (key === 'node.ip') continue;
    pushTo(byKey, key, constraint);
  }
  const findings: Finding[] = [];
  for (const group of byKey.values()) {
    const equals = group.filter((c) => c.operator === '==');
    const first = equals[0];
    if (!first) continue;
    const clash = group.find((c) => c !== first && (c.operator === '==' ? c.value.toLowerCase() !== first.value.toLowerCase() : c.value.toLowerCase() === first.value.toLowerCase()));
    if (!clash) continue;
    const message = `The placement constraints '${String(first.node.value)}' and '${String(clash.node.value)}' of service '${service}' cannot both hold, so no node matches and its tasks stay pending.`;
    const body = (other: Constraint) => ({ code: 'placement-constraint-contradiction', severity: 'warning' as const, message, docUrl: DOCS, related: [{ span: other.node.span, message: 'The other constraint.' }] });
    findings.push(atValue(first.node, body(clash)), atValue(clash.node, body(first)));
  }
  return findings;
}
