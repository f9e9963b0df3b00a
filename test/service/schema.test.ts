import * as assert from 'node:assert/strict';
import { compileSchemaOnFirstUse } from '../../server/src/service/analyses/schemaCompile';
import { checkFindings } from '../support/service';

const SCHEMA_CODES = ['schema-unknown-property', 'schema-invalid-type', 'schema-invalid-value', 'schema-invalid-name', 'schema-missing-property', 'schema-duplicate-item', 'schema-invalid'];

describe('schema validation', () => {
  it('reports an unknown key on the key, with a suggestion', () => {
    checkFindings('services:\n  web:\n    ⟦imag⟧: nginx\n', SCHEMA_CODES, { messages: ["Unknown property 'imag' in service 'web'. Did you mean 'image'?"] });
  });

  it('reports unknown top-level keys', () => {
    checkFindings('⟦service⟧:\n  web: {image: x}\n', SCHEMA_CODES, { messages: ["Unknown property 'service' at the top level. Did you mean 'services'?"] });
  });

  it('reports one readable message instead of oneOf noise', () => {
    checkFindings('services:\n  web:\n    image: x\n    ports:\n      - target: 80\n        ⟦publishd⟧: 8080\n', SCHEMA_CODES, {
      messages: ["Unknown property 'publishd' in 'ports' item 1 of service 'web'. Did you mean 'published'?"],
    });
    checkFindings('services:\n  web:\n    image: x\n    environment:\n      A: ⟦{b: 1}⟧\n', SCHEMA_CODES, {
      messages: ["'environment.A' must be a string, a number, a boolean or empty."],
    });
  });

  it('reports wrong types on the value', () => {
    checkFindings('services:\n  web:\n    image: x\n    ports: ⟦"80:80"⟧\n', SCHEMA_CODES, { messages: ["'ports' must be a list."] });
    checkFindings('networks:\n  n:\n    driver: ⟦[a]⟧\n', SCHEMA_CODES);
  });

  it('reports invalid service names', () => {
    checkFindings('services:\n  ⟦"my web"⟧: {image: x}\n', SCHEMA_CODES, { messages: ["'my web' is not a valid name in 'services' (the service list)."] });
  });

  it('reports duplicate list items on the duplicate', () => {
    checkFindings('services:\n  web:\n    image: x\n    ports: ["80:80", ⟦"80:80"⟧]\n', SCHEMA_CODES);
  });

  it('does not judge interpolated values', () => {
    checkFindings('services:\n  web:\n    image: x\n    deploy:\n      replicas: ${REPLICAS}\n    mem_limit: ${MEM:-1g}\n    ports:\n      - target: ${PORT:-80}\n        published: ${PUB}\n', SCHEMA_CODES);
  });

  it('does not judge values tagged !reset or !override', () => {
    checkFindings('services:\n  web:\n    image: x\n    ports: !reset []\n    build: !override\n      context: .\n', SCHEMA_CODES);
  });

  it('accepts a valid file with anchors, merge keys and extensions', () => {
    checkFindings(
      'x-base: &base\n  restart: unless-stopped\n  logging:\n    driver: json-file\nservices:\n  web:\n    <<: *base\n    image: nginx\n    ports: ["8080:80"]\n    networks: [front]\nnetworks:\n  front: {}\n',
      SCHEMA_CODES,
    );
  });

  it('validates with the schema compose-go embeds, which docker compose uses (pre_start, build.no_cache_filter)', () => {
    // compose-go schema/compose-spec.json has these; compose-spec/compose-spec's copy refused them.
    checkFindings(
      'services:\n  web:\n    image: x\n    build:\n      context: .\n      no_cache_filter: [deps]\n    pre_start:\n      - command: ["chown", "-R", "1000", "/data"]\n        user: root\n    post_start:\n      - command: [echo, up]\n',
      SCHEMA_CODES,
    );
    checkFindings('services:\n  web:\n    image: x\n    pre_start:\n      - command: [x]\n        ⟦privilegd⟧: true\n', SCHEMA_CODES, {
      messages: ["Unknown property 'privilegd' in 'pre_start' item 1 of service 'web'. Did you mean 'privileged'?"],
    });
  });

  it('compiles a schema compiled on first use only when a validator is read', () => {
    // ajv throws on a $ref it cannot resolve, so reading the validator proves when compiling happens.
    const broken = compileSchemaOnFirstUse({ json: { $ref: '#/definitions/nowhere' } });
    assert.throws(() => broken.file({}), /nowhere/);
  });
});
