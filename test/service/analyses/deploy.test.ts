import * as assert from 'node:assert/strict';
import { checkFindings, findingsOf } from '../../support/service';

const stack = { mode: 'stack' as const };
const svc = (deploy: string): string => `services:\n  web:\n    image: x\n    deploy:\n${deploy}`;

describe('deploy analysis', () => {
  it('reports invalid enumeration values on the value, per target', () => {
    checkFindings(svc('      mode: ⟦replica⟧\n      endpoint_mode: ⟦rr⟧\n      restart_policy: {condition: ⟦always⟧}\n      update_config: {failure_action: ⟦stop⟧, order: ⟦first⟧}\n      rollback_config: {failure_action: pause, order: stop-first}\n'), ['deploy-invalid-value', 'restart-condition-not-swarm', 'schema-invalid-value'], {
      ...stack,
      messages: [
        "'replica' is not a valid deploy.mode for service 'web': use replicated, global, replicated-job, global-job.",
        "'rr' is not a valid deploy.endpoint_mode for service 'web': use vip, dnsrr.",
        // moby daemon/cluster/convert/service.go restartPolicyToGRPC refuses Docker's restart names.
        'Swarm has no restart condition \'always\' (only docker compose maps it): docker stack deploy fails with "invalid RestartCondition". Use \'any\'.',
        "'stop' is not a valid deploy.update_config.failure_action for service 'web': use continue, rollback, pause.",
        "'first' is not a valid deploy.update_config.order for service 'web': use stop-first, start-first.",
      ],
    });
  });

  it('accepts what each target accepts: compose maps restart names, Swarm lower-cases endpoint_mode', () => {
    checkFindings(svc('      restart_policy: {condition: unless-stopped}\n      mode: whatever\n'), ['deploy-invalid-value']);
    checkFindings(svc('      endpoint_mode: DNSRR\n      mode: global-job\n      restart_policy: {condition: on-failure}\n      update_config: {failure_action: rollback}\n'), ['deploy-invalid-value'], stack);
    checkFindings(svc('      restart_policy: {condition: ⟦sometimes⟧}\n      update_config: {order: ⟦first⟧}\n'), ['deploy-invalid-value', 'schema-invalid-value']);
    checkFindings(svc('      mode: ${MODE}\n      restart_policy: {condition: "${COND:-any}"}\n'), ['deploy-invalid-value'], stack);
  });

  it("warns that 'rollback' as a rollback failure action only pauses", () => {
    checkFindings(svc('      rollback_config: {failure_action: ⟦rollback⟧}\n'), ['rollback-failure-action-rollback', 'deploy-invalid-value'], {
      ...stack,
      messages: ["'rollback' as rollback_config.failure_action of service 'web' acts like 'pause': Swarm never rolls back a rollback. Use 'pause' or 'continue'."],
    });
  });

  it('refuses replicas with global modes (stack) and negative replica counts (both)', () => {
    checkFindings(svc('      mode: global\n      ⟦replicas⟧: 1\n'), ['replicas-with-global'], stack);
    checkFindings(svc('      mode: global-job\n      ⟦replicas⟧: 2\n'), ['replicas-with-global'], stack);
    checkFindings(svc('      mode: replicated-job\n      replicas: 2\n'), ['replicas-with-global'], stack);
    checkFindings(svc('      mode: global\n      replicas: 1\n'), ['replicas-with-global']);
    checkFindings(svc('      replicas: ⟦-1⟧\n'), ['replicas-negative'], { messages: ["deploy.replicas of service 'web' is -1: it must be 0 or more."] });
    checkFindings(svc('      replicas: ⟦-2⟧\n'), ['replicas-negative'], stack);
    checkFindings('services:\n  web:\n    image: x\n    scale: ⟦-1⟧\n', ['replicas-negative']);
    checkFindings(svc('      replicas: 0\n'), ['replicas-negative']);
  });

  it('reports scale and replicas that differ, on both', () => {
    checkFindings('services:\n  web:\n    image: x\n    scale: ⟦2⟧\n    deploy: {replicas: ⟦3⟧}\n', ['scale-replicas-mismatch'], {
      messages: ["scale (2) and deploy.replicas (3) of service 'web' differ: docker compose refuses distinct values; keep one.", "scale (2) and deploy.replicas (3) of service 'web' differ: docker compose refuses distinct values; keep one."],
    });
    checkFindings('services:\n  web:\n    image: x\n    scale: 2\n    deploy: {replicas: "2"}\n', ['scale-replicas-mismatch']);
  });

  it('refuses jobs with an update config, and notes max_replicas_per_node on global services', () => {
    checkFindings(svc('      mode: replicated-job\n      ⟦update_config⟧: {parallelism: 2}\n      rollback_config: {parallelism: 2}\n'), ['job-with-update-config'], {
      ...stack,
      messages: ["Service 'web' is a replicated-job, and Swarm refuses jobs with an update config (\"Jobs may not have an update config\"): remove update_config."],
    });
    checkFindings(svc('      mode: replicated\n      update_config: {parallelism: 2}\n'), ['job-with-update-config'], stack);
    checkFindings(svc('      mode: global\n      placement: {⟦max_replicas_per_node⟧: 1}\n'), ['max-replicas-per-node-global'], stack);
    checkFindings(svc('      placement: {max_replicas_per_node: 1}\n'), ['max-replicas-per-node-global'], stack);
  });

  it('places key findings where the key is written, with the merge key that brings it in as the use site', () => {
    const merged = 'x-d: &d\n  update_config: {parallelism: 2}\nservices:\n  web:\n    image: x\n    deploy:\n      mode: replicated-job\n      <<: *d\n';
    const [fromMerge] = findingsOf(merged, 'stack', ['job-with-update-config']);
    assert.equal(merged.slice(fromMerge!.span.start, fromMerge!.span.end), 'update_config');
    assert.ok(fromMerge!.span.start < merged.indexOf('services:'));
    assert.deepEqual(fromMerge!.related?.map((r) => [merged.slice(r.span.start, r.span.end), r.message]), [['<<', 'Used here']]);
    // A key written beside an alias is written at its use site: nothing else to point at.
    const aliased = 'x-u: &u {parallelism: 2}\nservices:\n  web:\n    image: x\n    deploy:\n      mode: replicated-job\n      update_config: *u\n';
    const [beside] = findingsOf(aliased, 'stack', ['job-with-update-config']);
    assert.equal(beside!.span.start, aliased.lastIndexOf('update_config'));
    assert.equal(beside!.related, undefined);
  });

  it('notes the deploy keys docker compose ignores, outermost only', () => {
    checkFindings(
      svc('      ⟦mode⟧: global\n      replicas: 2\n      ⟦endpoint_mode⟧: dnsrr\n      ⟦labels⟧: {a: b}\n      ⟦placement⟧: {constraints: [node.role==manager], max_replicas_per_node: 1}\n      ⟦update_config⟧: {parallelism: 1}\n      ⟦rollback_config⟧: {parallelism: 1}\n      resources:\n        limits: {cpus: "1", memory: 1g, pids: 10}\n        reservations: {⟦cpus⟧: "0.5", memory: 512m, ⟦generic_resources⟧: [{discrete_resource_spec: {kind: gpu, value: 1}}]}\n      restart_policy: {condition: any, ⟦delay⟧: 5s, max_attempts: 3, ⟦window⟧: 1m}\n'),
      ['deploy-key-ignored-by-compose'],
    );
    checkFindings(svc('      ⟦mode⟧: global\n'), ['deploy-key-ignored-by-compose'], {
      messages: ["docker compose ignores deploy.mode of service 'web': it runs one container (or deploy.replicas), not one per node; only docker stack deploy uses the mode."],
    });
    checkFindings(svc('      mode: replicated\n      replicas: 2\n'), ['deploy-key-ignored-by-compose']);
    checkFindings(svc('      mode: global\n      placement: {constraints: [node.role==manager]}\n'), ['deploy-key-ignored-by-compose'], stack);
  });
});
