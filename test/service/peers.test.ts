/** Stepping back for other Compose extensions: what the server leaves out when the client says a peer reports it. */
import * as assert from 'node:assert/strict';
import type { ComposeMode, PeerCoverage } from '../../server/src/service/index';
import { parseMarkers, renderSpans } from '../support/markers';
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

  describe('key hovers beside a peer that shows the schema', () => {
    const DESCRIBED: PeerCoverage = { keyHovers: true };
    const WEB = 'services:\n  web:\n    image: nginx\n';
    /** [name, fixture with the cursor, pieces the stepped-back hover keeps (null: no hover), pieces it drops, mode]. */
    type Case = readonly [string, string, readonly string[] | null, readonly string[], ComposeMode?];
    const cases: readonly Case[] = [
      ['a key the schema alone describes', 'services:\n  web:\n    ima<|>ge: nginx\n', null, []],
      ['the value of such a key, which falls back to its key', 'services:\n  web:\n    container_name: fr<|>ont\n', null, []],
      ['a curated networking key keeps its note and link, not the schema type', 'networks:\n  back:\n    attach<|>able: true\n', ['**attachable**', 'standalone containers', 'Default: false', 'networks/#attachable'], ['Type: boolean']],
      ['a deploy key keeps its badge and default, not the schema enum', WEB + '    deploy:\n      update_config:\n        or<|>der: start-first\n', ['⚠️ `docker compose up` ignores this key', 'Default: stop-first', 'deploy/#update_config'], ['Values:']],
      ['a key a stack refuses keeps the stack note, not the schema description', WEB + '    mem_li<|>mit: 1g\n', ['⛔ `docker stack deploy` refuses this key'], ['Memory limit', 'Type:'], 'stack'],
      ['a service name is Shipshape\'s own', 'services:\n  w<|>eb:\n    image: nginx\n', ['**Service** `web`'], []],
      ['a value explanation is Shipshape\'s own', 'networks:\n  a:\n    driver: over<|>lay\n', ['Multi-host'], []],
    ];
    for (const [name, marked, kept, dropped, mode = 'compose'] of cases) {
      it(name, () => {
        const { text, cursor } = parseMarkers(marked);
        const doc = service.parse(text, mode);
        const alone = service.hover(doc, cursor!);
        const beside = service.hover(doc, cursor!, { peers: DESCRIBED });
        assert.ok(alone, 'Shipshape alone has a hover');
        if (kept === null) return assert.equal(beside, undefined, beside?.contents);
        assert.ok(beside, 'a hover is left');
        for (const piece of kept) assert.ok(beside.contents.includes(piece), `keeps ${piece}:\n${beside.contents}`);
        for (const piece of dropped) {
          assert.ok(alone.contents.includes(piece), `alone shows ${piece}:\n${alone.contents}`);
          assert.ok(!beside.contents.includes(piece), `drops ${piece}:\n${beside.contents}`);
        }
      });
    }
  });

  describe('image links beside Docker DX', () => {
    const DOCKER_DX: PeerCoverage = { imageLinks: ['docker.io', 'ghcr.io', 'quay.io', 'mcr.microsoft.com'] };
    it('leaves the tag references it links to it, and keeps the links it gets wrong or lacks', () => {
      // ⟦...⟧ marks the links Shipshape still gives: a digest, an explicit docker.io/, other registries,
      // an interpolated name, and file links.
      const { text, spans } = parseMarkers(
        'services:\n  a:\n    image: nginx:1.27\n  b:\n    image: "grafana/grafana"\n  c:\n    image: ghcr.io/owner/app:1\n  d:\n    image: quay.io/prometheus/node-exporter\n  e:\n    image: mcr.microsoft.com/dotnet/aspnet:8.0\n' +
          '  f:\n    image: ⟦nginx⟧@sha256:abc\n  g:\n    image: ⟦docker.io/library/redis⟧:7\n  h:\n    image: ⟦public.ecr.aws/nginx/nginx⟧\n  i:\n    image: ⟦gcr.io/google-containers/pause⟧:3.9\n  j:\n    image: "⟦${IMAGE:-redis}⟧"\n    env_file: ⟦.env⟧\n',
      );
      const doc = service.parse(text, 'compose');
      const links = service.documentLinks(doc, '/proj/compose.yaml', { peers: DOCKER_DX });
      assert.equal(renderSpans(text, links.map((link) => link.span)), renderSpans(text, spans));
      assert.equal(service.documentLinks(doc, '/proj/compose.yaml').length, 11, 'alone, every image and the file are linked');
      assert.equal(service.documentLinks(doc, '/proj/compose.yaml', { peers: { imageLinks: [] } }).length, 11);
    });
  });
});
