import { checkFindings } from '../../support/service';

const SCHEMA = ['schema-unknown-property', 'schema-invalid-type', 'schema-invalid-value', 'stack-unsupported-key'];
const stack = { mode: 'stack' as const };

describe('stack files against the v3.13 schema', () => {
  it('reports keys only stacks lack as stack-unsupported-key, with what to use instead', () => {
    checkFindings('⟦name⟧: p\nservices:\n  web:\n    image: x\n    ⟦profiles⟧: [dev]\n    ⟦cpus⟧: 0.5\n', SCHEMA, {
      ...stack,
      messages: [
        "'name' at the top level is not supported by docker stack deploy (Compose file format 3.13): the stack name is the argument of `docker stack deploy -c FILE NAME`.",
        "'profiles' in service 'web' is not supported by docker stack deploy (Compose file format 3.13): stacks have no profiles: keep optional services in a separate stack file.",
        "'cpus' in service 'web' is not supported by docker stack deploy (Compose file format 3.13): use deploy.resources.limits.cpus.",
      ],
    });
  });

  it('reports long-syntax port keys and string or range published ports', () => {
    checkFindings('services:\n  web:\n    image: x\n    ports:\n      - target: 80\n        published: ⟦"8000-8001"⟧\n        ⟦host_ip⟧: 127.0.0.1\n        ⟦app_protocol⟧: http\n        ⟦name⟧: web\n      - target: 81\n        published: 8081\n', SCHEMA, {
      ...stack,
      messages: [
        'A published port must be a single number in stack files: docker stack deploy (Compose file format 3.13) supports no strings or ranges here.',
        "'host_ip' in 'ports' item 1 of service 'web' is not supported by docker stack deploy (Compose file format 3.13): swarm publishes on every address of every node; restrict access with a firewall or an internal network.",
        "'app_protocol' in 'ports' item 1 of service 'web' is not supported by docker stack deploy (Compose file format 3.13): the application protocol hint is Compose-only.",
        "'name' in 'ports' item 1 of service 'web' is not supported by docker stack deploy (Compose file format 3.13): port names are a Compose-only label.",
      ],
    });
  });

  it('reports network keys stacks cannot create', () => {
    checkFindings('networks:\n  n:\n    ⟦enable_ipv6⟧: true\n    ipam:\n      ⟦options⟧: {a: b}\n      config:\n        - subnet: 10.1.0.0/24\n          ⟦ip_range⟧: 10.1.0.0/25\n          ⟦gateway⟧: 10.1.0.1\n          ⟦aux_addresses⟧: {r: 10.1.0.2}\n', SCHEMA, stack);
  });

  it('keeps typos as unknown properties with a v3.13 suggestion, reported once', () => {
    checkFindings('services:\n  web:\n    image: x\n    ⟦deplo⟧: {}\n', SCHEMA, { ...stack, messages: ["Unknown property 'deplo' in service 'web'. Did you mean 'deploy'?"] });
  });

  it('says when only the stack format requires a type', () => {
    checkFindings('services:\n  web:\n    image: x\n    deploy:\n      replicas: ⟦"2"⟧\n', SCHEMA, { ...stack, messages: ["'deploy.replicas' must be an integer for docker stack deploy (Compose file format 3.13)."] });
    checkFindings('services:\n  web:\n    image: x\n    deploy:\n      replicas: "2"\n', SCHEMA);
  });

  it('leaves what other stack rules report to them, and accepts valid stack files', () => {
    checkFindings('services:\n  web:\n    image: x\n    mem_limit: 1g\n    depends_on: {db: {condition: service_started}}\n    deploy:\n      resources:\n        limits: {cpus: 0.5}\n  db:\n    image: y\n', SCHEMA, stack);
    checkFindings('version: "3.8"\nservices:\n  web:\n    image: x\n    ports: ["80:80", {target: 81, published: 8081, mode: host}]\n    deploy:\n      mode: replicated\n      replicas: 2\n      resources: {limits: {cpus: "0.5", memory: 512m}}\nnetworks:\n  n: {driver: overlay, attachable: true, ipam: {config: [{subnet: 10.1.0.0/24}]}}\n', SCHEMA, stack);
  });

  it('in compose mode the same keys are fine', () => {
    checkFindings('name: p\nservices:\n  web:\n    image: x\n    profiles: [dev]\n    ports: [{target: 80, published: "8000-8001", host_ip: 127.0.0.1}]\n', SCHEMA);
  });
});
