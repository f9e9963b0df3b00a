/**
 * `container_name` mistakes Compose or the engine refuses: several containers from one definition
 * (compose-go "can't set container_name and scale/deploy.replicas"), the same name on two services
 * (the second create fails), and names outside the engine's `[a-zA-Z0-9][a-zA-Z0-9_.-]+`.
 * Compose only: `docker stack deploy` ignores container names.
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import { replicaCount } from '../parse/compose';
import type { ComposeDocument } from '../parse/model';
import { get, isInterpolated, text, type Node } from '../parse/tree';
import type { Finding } from '../types';
import type { Analysis } from './analysis';
import { FindingSet, useOf } from './findingSet';
import { pushTo } from '../multimap';

const DOC_URL = composeFileDoc('services', 'container_name');
// The engine's rule (moby daemon/names.go); the compose-spec schema has the same pattern unanchored,
// so it only catches names without any two valid characters in a row.
const VALID = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const SCHEMA_PATTERN = /[a-zA-Z0-9][a-zA-Z0-9_.-]+/;

export function containerNamesAnalysis(): Analysis {
  return { name: 'containerNames', run: (doc) => (doc.mode === 'stack' ? [] : findContainerNameProblems(doc)) };
}

function findContainerNameProblems(doc: ComposeDocument): Finding[] {
  const set = new FindingSet();
  const byName = new Map<string, { service: string; node: Node }[]>();
  for (const [service, element] of doc.model.services) {
    const node = get(element.node, 'container_name');
    const name = text(node);
    if (!node || name === undefined || isInterpolated(node)) continue;
    pushTo(byName, name, { service, node });
    if (!VALID.test(name) && SCHEMA_PATTERN.test(name)) {
      set.add({ code: 'container-name-invalid', severity: 'error', message: `Container name '${name}' is invalid: it must start with a letter or digit and contain only letters, digits, '_', '.' and '-'.`, span: node.span, docUrl: DOC_URL }, useOf(node, service));
    }
    const replicas = replicaCount(element.node);
    if (replicas !== undefined && replicas > 1) {
      set.add({ code: 'container-name-with-replicas', severity: 'error', message: `Service '${service}' runs ${replicas} containers, but they cannot all be named '${name}': container names are unique. Remove 'container_name' or run one replica.`, span: node.span, docUrl: DOC_URL }, useOf(node, service));
    }
  }
  for (const [name, users] of byName) {
    if (users.length < 2) continue;
    for (const user of users) {
      const others = users.filter((other) => other.node.span.start !== user.node.span.start);
      // One anchor shared by several services still names several containers alike.
      const clash = others.length ? others : users.filter((other) => other !== user);
      set.add(
        {
          code: 'container-name-duplicate',
          severity: 'error',
          message: `Container name '${name}' is also used by service ${clash.map((o) => `'${o.service}'`).join(', ')}; the second container cannot be created.`,
          span: user.node.span,
          related: others.map((other) => ({ span: other.node.span, message: `'${name}' in service '${other.service}'` })),
          docUrl: DOC_URL,
        },
        useOf(user.node, user.service),
      );
    }
  }
  return set.findings();
}
