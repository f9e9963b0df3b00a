/** Stepping back for other Compose extensions: what the server leaves out when the client says a peer reports it. */
import * as assert from 'node:assert/strict';
import { parseMarkers } from '../support/markers';
import { service } from '../support/service';

describe('peer coverage', () => {
  // A YAML error, a repeated key, a schema error and a networking finding in one file.
  const text = 'services:\n  web:\n    imag: nginx\n    ports: ["80:80", "80:80"]\n  web:\n    image: x\n  db: [\n';
  const codes = (peers: Parameters<typeof service.diagnostics>[1]) => [...new Set(service.diagnostics(service.parse(text, 'compose'), peers).map((f) => f.code))].sort();

  it('leaves out only the kinds a peer reports, and keeps Shipshape-only findings', () => {
    const all = codes({});
    assert.ok(all.includes('yaml-syntax') && all.includes('duplicate-key'), all.join());
    const withoutSyntax = codes({ peers: { syntaxDiagnostics: true } });
    assert.ok(!withoutSyntax.includes('yaml-syntax') && withoutSyntax.includes('duplicate-key'), withoutSyntax.join());
    const withoutDuplicates = codes({ peers: { duplicateKeys: true } });
    assert.ok(withoutDuplicates.includes('yaml-syntax') && !withoutDuplicates.includes('duplicate-key'), withoutDuplicates.join());
  });

  it('leaves out schema findings only when a peer validates with the Compose schema', () => {
    const schemaText = 'services:\n  web:\n    imag: nginx\n    ports: ["80:80"]\n  api:\n    image: x\n    ports: ["80:80"]\n';
    const found = (peers: { schemaDiagnostics?: boolean }) => service.diagnostics(service.parse(schemaText, 'compose'), { peers }).map((f) => f.code);
    assert.ok(found({}).includes('schema-unknown-property'));
    const stepped = found({ schemaDiagnostics: true });
    assert.ok(!stepped.some((code) => code.startsWith('schema-')), stepped.join());
    assert.ok(stepped.some((code) => code.startsWith('port-')), `networking findings stay: ${stepped.join()}`);
  });

  it('leaves out key names a peer completes, but not values, references or snippets', () => {
    const { text: keys, cursor } = parseMarkers('services:\n  web:\n    <|>\n');
    const doc = service.parse(keys, 'compose');
    const all = service.completion(doc, cursor!);
    assert.ok(all.some((item) => item.kind === 'property'));
    const stepped = service.completion(doc, cursor!, undefined, { peers: { keyCompletion: true } });
    assert.ok(!stepped.some((item) => item.kind === 'property'));
    assert.deepEqual(stepped, all.filter((item) => item.kind !== 'property'));
    const { text: refs, cursor: refCursor } = parseMarkers('services:\n  web:\n    image: x\n    depends_on: [<|>]\n  db:\n    image: y\n');
    const labels = service.completion(service.parse(refs, 'compose'), refCursor!, undefined, { peers: { keyCompletion: true } }).map((item) => item.label);
    assert.ok(labels.includes('db'), labels.join());
  });
});
