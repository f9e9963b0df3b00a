import { checkFindings } from '../../support/service';

const CODES = ['placement-constraint-invalid', 'placement-constraint-unknown-attr', 'placement-constraint-contradiction', 'placement-preference-invalid'];
const stack = { mode: 'stack' as const };
const constraints = (...items: string[]): string => `services:\n  web:\n    image: x\n    deploy:\n      placement:\n        constraints:\n${items.map((item) => `          - ${item}\n`).join('')}`;

describe('placement analysis (stack files)', () => {
  it('refuses constraints without == or != and with characters Swarm rejects', () => {
    checkFindings(constraints('⟦node.role = manager⟧', '⟦node.role > 1⟧', '⟦"node.labels.zone == "⟧', '⟦node.labels.a@b == x⟧'), CODES, {
      ...stack,
      messages: [
        "Swarm refuses the placement constraint 'node.role = manager' of service 'web': it needs the operator == or !=; write '==' instead of '='.",
        "Swarm refuses the placement constraint 'node.role > 1' of service 'web': it needs the operator == or !=.",
        "Swarm refuses the placement constraint 'node.labels.zone == ' of service 'web': the value is missing.",
        "Swarm refuses the placement constraint 'node.labels.a@b == x' of service 'web': the attribute 'node.labels.a@b' is not valid.",
      ],
    });
  });

  it('reports attributes no node has, with a suggestion', () => {
    checkFindings(constraints('⟦node.name==a⟧', '⟦node.label.zone == east⟧', '⟦node.labels == x⟧'), CODES, stack);
    checkFindings(constraints('⟦node.name==a⟧'), CODES, {
      ...stack,
      messages: ["'node.name' is not a node attribute Swarm knows, so no node matches and the tasks of service 'web' stay pending. Use node.id, node.hostname, node.ip, node.role, node.platform.os, node.platform.arch, node.labels.<name>, engine.labels.<name>. Did you mean 'node.hostname'?"],
    });
  });

  it('reports a node.role that is neither manager nor worker', () => {
    checkFindings(constraints('⟦node.role == managers⟧'), CODES, {
      ...stack,
      messages: ["The placement constraint 'node.role == managers' of service 'web' matches no node, so its tasks stay pending: node.role is 'manager' or 'worker'. Did you mean 'manager'?"],
    });
  });

  it('reports contradictory constraints on both', () => {
    checkFindings(constraints('⟦node.role==manager⟧', '⟦node.role == worker⟧'), CODES, stack);
    checkFindings(constraints('⟦node.labels.zone == east⟧', '⟦node.labels.zone!=EAST⟧'), CODES, stack);
  });

  it('accepts the forms the docs and real stacks use', () => {
    checkFindings(
      constraints('node.role==Worker', 'node.labels.zone != east', 'node.labels.Zone == west', 'engine.labels.operatingsystem == ubuntu 18.04', 'node.platform.os == linux', 'node.ip != 10.0.0.0/24', 'node.ip == 10.0.1.5', 'node.hostname == ${HOST}', 'node.id==2ivku8v2gvtg4'),
      CODES,
      stack,
    );
    checkFindings(constraints('node.role == manager', 'node.labels.zone != east', 'node.labels.zone != west'), CODES, stack);
  });

  it('warns about spread preferences Swarm skips, and ignores compose files', () => {
    checkFindings('services:\n  web:\n    image: x\n    deploy:\n      placement:\n        preferences:\n          - spread: ⟦zone⟧\n          - spread: node.labels.az\n          - spread: engine.labels.dc\n', CODES, {
      ...stack,
      messages: ["Swarm only spreads over node.labels.<name> or engine.labels.<name>, so the preference 'zone' of service 'web' is skipped. Did you mean 'node.labels.zone'?"],
    });
    checkFindings(constraints('node.role = manager'), CODES);
  });
});
