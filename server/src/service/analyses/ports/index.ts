/**
 * The ports analysis: port syntax, host-port conflicts and the publish rules of network modes and Swarm
 * (COMPOSE-SEMANTICS sections 1.1-1.8), with quick fixes and short/long syntax refactorings. What
 * depends on one service alone is found once per service content (facts.ts); each version only
 * combines the services' facts.
 */
import type { ComposeDocument } from '../../parse/model';
import type { Finding } from '../../types';
import type { Analysis } from '../analysis';
import { portBindings, portServices } from './document';
import { conflictFindings } from './conflicts';
import { portFixes } from './fixes';
import { portRefactorings } from './refactor';
import { internalNetworkFindings } from './services';
import { append } from '../../append';
import { absoluteFinding } from '../serviceFacts';

export { nextFreePort, type FreePortQuery } from './freePort';

export const portsAnalysis: Analysis = {
  name: 'ports',
  run(doc: ComposeDocument): Finding[] {
    const services = portServices(doc);
    const bindings = portBindings(doc);
    const findings: Finding[] = [];
    // An item used through an alias by several services is judged once, where it is written.
    const written = new Set<number>();
    for (const service of services) {
      for (const { item, findings: own } of service.facts.syntax) {
        if (written.has(item + service.start)) continue;
        written.add(item + service.start);
        for (const finding of own) findings.push(absoluteFinding(finding, service.start));
      }
    }
    for (const service of services) for (const finding of service.facts.findings) findings.push(absoluteFinding(finding, service.start));
    append(findings, internalNetworkFindings(doc, services));
    return append(findings, conflictFindings(doc, services, bindings));
  },
  fixes: portFixes,
  refactorings: portRefactorings,
};
