/**
 * `container_name` mistakes Compose or the engine refuses: several containers from one definition
 * (compose-go "can't set container_name and scale/deploy.replicas"), the same name on two services
 * (the second create fails), and names outside the engine's `[a-zA-Z0-9][a-zA-Z0-9_.-]+`.
 * Compose only: `docker stack deploy` ignores container names.
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import { replicaCount } from '../parse/compose';
import type { ComposeDocument } from '../parse/model';
import { get, isInterpolated, text } from '../parse/tree';
import type { Finding, Span } from '../types';
import type { Analysis } from './analysis';
import { FindingSet } from './findingSet';
import { absolute, perServiceFacts } from './serviceFacts';
import { pushTo } from '../multimap';

const DOC_URL = composeFileDoc('services', 'container_name');
// The engine's rule (moby daemon/names.go); the compose-spec schema has the same pattern unanchored,
// so it only catches names without any two valid characters in a row.
const VALID = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const SCHEMA_PATTERN = /[a-zA-Z0-9][a-zA-Z0-9_.-]+/;

export function containerNamesAnalysis(): Analysis {
  return { name: 'containerNames', run: (doc) => (doc.mode === 'stack' ? [] : findContainerNameProblems(doc)) };
}

/** A service's literal `container_name`, where it is written and used, and its replica count; per service content. */
const containerNames = perServiceFacts((element, _mode, frame) => {
  const node = get(element.node, 'container_name');
  const name = text(node);
  if (!node || name === undefined || isInterpolated(node)) return undefined;
  return { name, span: frame.span(node.span), via: node.via && frame.span(node.via), replicas: replicaCount(element.node) };
});

interface Named {
  readonly service: string;
  readonly span: Span;
  readonly use: { readonly via: Span | undefined; readonly service: string };
}

function findContainerNameProblems(doc: ComposeDocument): Finding[] {
  const set = new FindingSet();
  const byName = new Map<string, Named[]>();
  for (const { element, start, facts } of containerNames(doc)) {
    if (!facts) continue;
    const { name, replicas } = facts;
    const service = element.name;
    const span = absolute(facts.span, start);
    const use = { via: facts.via && absolute(facts.via, start), service };
    pushTo(byName, name, { service, span, use });
    if (!VALID.test(name) && SCHEMA_PATTERN.test(name)) {
      set.add({ code: 'container-name-invalid', severity: 'error', message: `Container name '${name}' is invalid: it must start with a letter or digit and contain only letters, digits, '_', '.' and '-'.`, span, docUrl: DOC_URL }, use);
    }
    if (replicas !== undefined && replicas > 1) {
      set.add({ code: 'container-name-with-replicas', severity: 'error', message: `Service '${service}' runs ${replicas} containers, but they cannot all be named '${name}': container names are unique. Remove 'container_name' or run one replica.`, span, docUrl: DOC_URL }, use);
    }
  }
  for (const [name, users] of byName) {
    if (users.length < 2) continue;
    for (const user of users) {
      const others = users.filter((other) => other.span.start !== user.span.start);
      // One anchor shared by several services still names several containers alike.
      const clash = others.length ? others : users.filter((other) => other !== user);
      set.add(
        {
          code: 'container-name-duplicate',
          severity: 'error',
          message: `Container name '${name}' is also used by service ${clash.map((o) => `'${o.service}'`).join(', ')}; the second container cannot be created.`,
          span: user.span,
          related: others.map((other) => ({ span: other.span, message: `'${name}' in service '${other.service}'` })),
          docUrl: DOC_URL,
        },
        user.use,
      );
    }
  }
  return set.findings();
}
