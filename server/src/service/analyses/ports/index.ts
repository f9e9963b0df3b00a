/**
 * The ports analysis: port syntax, host-port conflicts and the publish rules of network modes and Swarm
 * (COMPOSE-SEMANTICS sections 1.1-1.8), with quick fixes and short/long syntax refactorings.
 */
import type { ComposeDocument } from '../../parse/model';
import type { Finding } from '../../types';
import type { Analysis } from '../analysis';
import { portBindings, portServices } from './bindings';
import { conflictFindings } from './conflicts';
import { portFixes } from './fixes';
import { portRefactorings } from './refactor';
import { serviceFindings } from './services';
import { syntaxFindings } from './syntax';

export { nextFreePort, type FreePortQuery } from './freePort';

export const portsAnalysis: Analysis = {
  name: 'ports',
  run(doc: ComposeDocument): Finding[] {
    const services = portServices(doc);
    const bindings = portBindings(doc);
    // An item used through an alias by several services is judged once, where it is written.
    const written = new Set<number>();
    const syntax = services.flatMap((s) => s.ports).filter((spec) => !written.has(spec.node.span.start) && written.add(spec.node.span.start));
    return [...syntax.flatMap(syntaxFindings), ...serviceFindings(doc, services, bindings), ...conflictFindings(doc, bindings)];
  },
  fixes: portFixes,
  refactorings: portRefactorings,
};
