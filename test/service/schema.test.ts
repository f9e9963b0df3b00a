import * as assert from 'node:assert/strict';
import { compileSchemaOnFirstUse } from '../../server/src/service/analyses/schemaCompile';
import { createLanguageService, type Finding } from '../../server/src/service/index';
import { checkFindings, schemas, service } from '../support/service';

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

describe('schema validation after edits', () => {
  // The file is validated with its services as placeholders once per change of what lies outside the
  // services or of their names (analyses/schema.ts placeholderSignature); each edit must still give what
  // a fresh validation gives.
  const fresh = createLanguageService({ schemas });
  const edits: readonly ((text: string) => string)[] = [
    (t) => t.replace('image: redis', 'image: redis:7'),
    (t) => t.replace('name: demo', 'name: [demo]'),
    (t) => t.replace('image: redis:7', 'image: redis:8'),
    (t) => t.replace('name: [demo]', 'name: demo'),
    (t) => t.replace('    driver: bridge', '    driver: [bridge]'),
    (t) => t.replace('image: postgres', 'image: postgres:17'),
    (t) => t.replace('  cache:\n', '  "ca che":\n'),
    (t) => t.replace('x-note: 1', 'x-note: 2\nvolume: {}'),
    (t) => t.replace('image: postgres:17', 'image: postgres:16'),
    (t) => t.replace('volume: {}', 'volumes: []'),
    (t) => t.replace('  "ca che":\n', '  cache:\n'),
  ];

  it('gives what a fresh validation gives when the top level, a section or a service name changes', () => {
    let doc = service.parse('name: demo\nservices:\n  cache:\n    image: redis\n  db:\n    image: postgres\n  web:\n    image: nginx\nnetworks:\n  back:\n    driver: bridge\n  front: {}\nx-note: 1\n', 'compose');
    service.diagnostics(doc);
    const counts: number[] = [];
    for (const edit of edits) {
      doc = service.parse(edit(doc.text), 'compose', doc);
      const schemaFindings = (findings: readonly Finding[]) => findings.filter((f) => SCHEMA_CODES.includes(f.code));
      const found = schemaFindings(service.diagnostics(doc));
      assert.deepEqual(found, schemaFindings(fresh.diagnostics(fresh.parse(doc.text, 'compose'))), doc.text);
      counts.push(found.length);
    }
    assert.deepEqual(counts, [0, 1, 1, 0, 1, 1, 2, 3, 3, 3, 2]);
  });
});
