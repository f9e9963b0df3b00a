import { checkFix } from '../../support/fixes';
import { checkFindings } from '../../support/service';

const stack = { mode: 'stack' as const };

describe('restart policy, read per tool', () => {
  // docker/compose pkg/compose/create.go getRestartPolicy: an absent condition is the engine's "" policy (no restart).
  it('restart-policy-no-condition in Compose files; a condition, or a stack file, passes', () => {
    checkFindings('services:\n  a:\n    image: x\n    restart: always\n    deploy:\n      ⟦restart_policy⟧:\n        max_attempts: 3\n  b:\n    image: x\n    deploy:\n      restart_policy: {condition: on-failure, max_attempts: 3}\n', ['restart-policy-no-condition'], {
      messages: ["deploy.restart_policy of service 'a' sets no condition: docker compose then sends an empty restart policy, so the container is never restarted (Swarm would use 'any'). It also replaces the service's 'restart: always'. Set 'condition'."],
    });
    checkFindings('services:\n  a:\n    image: x\n    deploy:\n      restart_policy:\n        max_attempts: 3\n', ['restart-policy-no-condition'], stack);
  });

  // moby api/types/container/hostconfig.go ValidateRestartPolicy: a retry count only with on-failure.
  it('restart-policy-max-attempts-condition for any, none and Docker names; on-failure, 0 and stacks pass', () => {
    checkFindings('services:\n  a:\n    image: x\n    deploy:\n      restart_policy: {condition: any, max_attempts: ⟦3⟧}\n  b:\n    image: x\n    deploy:\n      restart_policy: {condition: none, max_attempts: ⟦1⟧}\n  c:\n    image: x\n    deploy:\n      restart_policy: {condition: on-failure, max_attempts: 3}\n  d:\n    image: x\n    deploy:\n      restart_policy: {condition: any, max_attempts: 0}\n', ['restart-policy-max-attempts-condition']);
    checkFindings('services:\n  a:\n    image: x\n    deploy:\n      restart_policy: {condition: any, max_attempts: 3}\n', ['restart-policy-max-attempts-condition'], stack);
  });

  it('quick fixes: add the condition, switch to on-failure', () => {
    checkFix('services:\n  a:\n    image: x\n    deploy:\n      restart_pol<|>icy:\n        max_attempts: 3\n', 'restart-policy-no-condition', 'services:\n  a:\n    image: x\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 3\n', { title: "Add 'condition: on-failure'" });
    checkFix('services:\n  a:\n    image: x\n    deploy:\n      restart_pol<|>icy: {delay: 5s}\n', 'restart-policy-no-condition', 'services:\n  a:\n    image: x\n    deploy:\n      restart_policy: {condition: any, delay: 5s}\n');
    checkFix('services:\n  a:\n    image: x\n    deploy:\n      restart_policy:\n        condition: any\n        max_attempts: <|>3\n', 'restart-policy-max-attempts-condition', 'services:\n  a:\n    image: x\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 3\n');
  });

  // moby daemon/cluster/convert/service.go restartPolicyToGRPC: "invalid RestartCondition".
  it('restart-condition-not-swarm with its Swarm name as the fix; Compose maps the names itself', () => {
    checkFindings('services:\n  a:\n    image: x\n    deploy:\n      restart_policy: {condition: ⟦unless-stopped⟧}\n', ['restart-condition-not-swarm'], stack);
    checkFindings('services:\n  a:\n    image: x\n    deploy:\n      restart_policy: {condition: unless-stopped}\n', ['restart-condition-not-swarm', 'deploy-invalid-value']);
    checkFix('services:\n  a:\n    image: x\n    deploy:\n      restart_policy: {condition: alw<|>ays}\n', 'restart-condition-not-swarm', 'services:\n  a:\n    image: x\n    deploy:\n      restart_policy: {condition: any}\n', { ...stack, title: "Replace with 'any'" });
  });
});
