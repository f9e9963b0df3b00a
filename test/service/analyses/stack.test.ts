import * as assert from 'node:assert/strict';
import { checkFindings, findingsOf } from '../../support/service';

const stack = { mode: 'stack' as const };

describe('stack analysis', () => {
  it('reports keys docker stack deploy refuses, and nothing for them in compose mode', () => {
    const marked = 'services:\n  web:\n    image: x\n    ⟦mem_limit⟧: 1g\n    ⟦extends⟧: {service: base}\n    ⟦volumes_from⟧: [db]\n';
    checkFindings(marked, ['stack-forbidden-key', 'stack-unsupported-key', 'schema-unknown-property'], {
      ...stack,
      messages: [
        'docker stack deploy refuses \'mem_limit\' in service \'web\' ("compose file contains unsupported options"): set deploy.resources.limits.memory instead.',
        'docker stack deploy refuses \'extends\' in service \'web\' ("compose file contains unsupported options"): stacks do not support extends: copy the shared settings in (YAML anchors and merge keys work).',
        'docker stack deploy refuses \'volumes_from\' in service \'web\' ("compose file contains unsupported options"): declare a volume under the top-level volumes and mount it in each service that shares it.',
      ],
    });
    checkFindings(marked.replace(/[⟦⟧]/g, ''), ['stack-forbidden-key']);
  });

  it('reports ignored keys with what to use instead', () => {
    checkFindings('services:\n  web:\n    image: x\n    ⟦network_mode⟧: host\n    ⟦privileged⟧: true\n    ⟦links⟧: [db]\n', ['stack-ignored-key'], {
      ...stack,
      messages: [
        "docker stack deploy ignores 'network_mode' in service 'web': for host networking declare the network `host` as external (networks: {host: {external: true}}) and attach the service to it.",
        "docker stack deploy ignores 'privileged' in service 'web': swarm services cannot run privileged; grant the needed capabilities with cap_add instead.",
        "docker stack deploy ignores 'links' in service 'web': services on the same overlay network reach each other by service name without links.",
      ],
    });
  });

  it('reports static addresses, which stacks drop silently', () => {
    checkFindings('services:\n  web:\n    image: x\n    networks:\n      back:\n        ⟦ipv4_address⟧: 10.0.0.5\n        aliases: [w]\n      front:\nnetworks: {back: {}, front: {}}\n', ['stack-ignored-key'], {
      ...stack,
      messages: ["docker stack deploy silently drops 'ipv4_address' on network 'back' of service 'web': Swarm assigns task addresses itself (tasks can be reached by service name or through the service VIP)."],
    });
  });

  it('tells how restart is really treated: fallback, overridden, or "no" that still restarts', () => {
    checkFindings('services:\n  a:\n    image: x\n    ⟦restart⟧: always\n', ['stack-restart-fallback', 'stack-ignored-key'], {
      ...stack,
      messages: ["docker stack deploy warns that it ignores 'restart', yet uses 'always' because service 'a' has no deploy.restart_policy: write deploy.restart_policy.condition instead."],
    });
    checkFindings('services:\n  a:\n    image: x\n    ⟦restart⟧: always\n    deploy: {restart_policy: {condition: on-failure}}\n', ['stack-restart-fallback', 'stack-ignored-key'], {
      ...stack,
      messages: ["docker stack deploy ignores 'restart' in service 'a': deploy.restart_policy takes precedence."],
    });
    // docker/cli convertRestartPolicy sends no policy for `no`; swarmkit then applies `any`.
    checkFindings('services:\n  a:\n    image: x\n    ⟦restart⟧: "no"\n', ['stack-restart-fallback', 'stack-ignored-key', 'stack-restart-no-ignored'], {
      ...stack,
      messages: ["docker stack deploy ignores 'restart: no' in service 'a' and Swarm still restarts its tasks (its default condition is 'any'): set deploy.restart_policy.condition: none to stop that."],
    });
  });

  it('reports a key brought in by a merge key where it is written, with the use site', () => {
    const findings = checkFindings('x-base: &base\n  ⟦container_name⟧: web\nservices:\n  a:\n    <<: *base\n    image: x\n', ['stack-deprecated-key'], stack);
    assert.deepEqual(findings[0]!.tags, ['deprecated']);
    assert.equal(findings[0]!.related?.length, 1);
  });

  it('reports deprecated keys and depends_on as information', () => {
    checkFindings('services:\n  a:\n    image: x\n    ⟦expose⟧: ["80"]\n    ⟦depends_on⟧: [b]\n  b:\n    image: y\n', ['stack-deprecated-key', 'stack-depends-on-ignored'], stack);
    assert.deepEqual(findingsOf('services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: y\n', 'stack').map((f) => f.severity), ['information']);
  });

  it('refuses the long form of depends_on', () => {
    checkFindings('services:\n  a:\n    image: x\n    ⟦depends_on⟧:\n      b: {condition: service_healthy}\n  b:\n    image: y\n', ['stack-depends-on-long-form', 'stack-depends-on-ignored', 'schema-invalid-type'], {
      ...stack,
      messages: ['docker stack deploy (Compose file format 3.13) only accepts depends_on as a list of service names; the long form with conditions is refused (and the order is ignored anyway).'],
    });
  });

  it('refuses 2.x and other non-3 versions, and accepts 3, 3.0 to 3.13 and no version', () => {
    checkFindings('version: ⟦"2.4"⟧\nservices:\n  a: {image: x}\n', ['stack-version-unsupported', 'schema-invalid-type'], {
      ...stack,
      messages: ['docker stack deploy only reads Compose file format 3 ("unsupported Compose file version: 2.4"): use version "3.13" or remove the line.'],
    });
    checkFindings('version: ⟦"3.14"⟧\nservices:\n  a: {image: x}\n', ['stack-version-unsupported'], stack);
    for (const version of ['"3"', '"3.0"', '"3.8"', '"3.13"']) checkFindings(`version: ${version}\nservices:\n  a: {image: x}\n`, ['stack-version-unsupported'], stack);
    // docker/cli: an unquoted version is "version must be a string" (a schema error), not an unsupported one.
    checkFindings('version: ⟦3.8⟧\nservices:\n  a: {image: x}\n', ['stack-version-unsupported', 'schema-invalid-type'], stack);
  });

  it('requires cpus to be a string in stacks only', () => {
    checkFindings('services:\n  a:\n    image: x\n    deploy:\n      resources:\n        limits: {cpus: ⟦0.5⟧}\n        reservations: {cpus: ⟦1⟧}\n', ['stack-cpus-not-string', 'schema-invalid-type'], {
      ...stack,
      messages: [
        "'deploy.resources.limits.cpus' of service 'a' must be a string in stack files (\"must be a string\"): quote it, '0.5'.",
        "'deploy.resources.reservations.cpus' of service 'a' must be a string in stack files (\"must be a string\"): quote it, '1'.",
      ],
    });
    checkFindings('services:\n  a:\n    image: x\n    deploy:\n      resources:\n        limits: {cpus: "0.5"}\n', ['stack-cpus-not-string'], stack);
    checkFindings('services:\n  a:\n    image: x\n    deploy:\n      resources:\n        limits: {cpus: 0.5}\n', ['stack-cpus-not-string', 'schema-invalid-type']);
  });

  it('needs an image: build alone is refused, build with image is a hint', () => {
    checkFindings('services:\n  ⟦a⟧:\n    build: .\n', ['stack-build-without-image', 'stack-build-ignored'], {
      ...stack,
      messages: ["Service 'a' has build but no image: docker stack deploy never builds and refuses a service without an image; build and push one and name it in image:."],
    });
    checkFindings('services:\n  a:\n    ⟦build⟧: .\n    image: reg/a:1\n', ['stack-build-without-image', 'stack-build-ignored', 'stack-ignored-key'], {
      ...stack,
      messages: ["docker stack deploy ignores 'build' in service 'a' and runs the image 'reg/a:1': build and push it first (docker compose build && docker compose push)."],
    });
  });
});
