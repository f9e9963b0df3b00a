import * as assert from 'node:assert/strict';
import { at, MAX_ALIAS_NODES, text, type Node } from '../../server/src/service/parse/tree';
import { parseCompose } from '../../server/src/service/parse/model';
import { parseInterpolation } from '../../server/src/service/parse/interpolation';
import { parseMarkers } from '../support/markers';
import { checkFindings } from '../support/service';
import { aliasBombAfter } from '../support/hostile';

describe('parse: document model', () => {
  it('keeps exact spans for keys and values', () => {
    const { text: src, spans } = parseMarkers('services:\n  ⟦web⟧:\n    image: ⟦nginx:1.27⟧\n');
    const doc = parseCompose(src, 'compose');
    const web = doc.model.services.get('web')!;
    assert.deepEqual(web.keySpan, spans[0]);
    assert.deepEqual(at(web.node, 'image')!.span, spans[1]);
  });

  it('resolves merge keys; merged values remember where they are written and used', () => {
    const { text: src, spans } = parseMarkers('x-common: &common\n  restart: ⟦always⟧\n  image: base\nservices:\n  web:\n    ⟦<<⟧: *common\n    image: nginx\n');
    const web = parseCompose(src, 'compose').model.services.get('web')!;
    const restart = at(web.node, 'restart')!;
    assert.equal(text(restart), 'always');
    assert.deepEqual(restart.span, spans[0]);
    assert.deepEqual(restart.via, spans[1]);
    assert.equal(text(at(web.node, 'image')), 'nginx', 'explicit keys override merged ones');
  });

  it('resolves merge keys with a list of aliases, first one winning', () => {
    const src = 'x-a: &a {image: a, user: a}\nx-b: &b {image: b, hostname: b}\nservices:\n  s:\n    <<: [*a, *b]\n';
    const s = parseCompose(src, 'compose').model.services.get('s')!;
    assert.deepEqual([text(at(s.node, 'image')), text(at(s.node, 'user')), text(at(s.node, 'hostname'))], ['a', 'a', 'b']);
  });

  it('resolves plain aliases with the alias as use site', () => {
    const { text: src, spans } = parseMarkers('x-ports: &ports ["80:80"]\nservices:\n  a:\n    ports: ⟦*ports⟧\n');
    const ports = at(parseCompose(src, 'compose').model.services.get('a')!.node, 'ports')!;
    assert.equal(ports.kind, 'seq');
    assert.deepEqual(ports.via, spans[0]);
  });

  it('reads every document of a multi-document file', () => {
    const doc = parseCompose('services:\n  a: {image: x}\n---\nservices:\n  b: {image: y}\n', 'compose');
    assert.deepEqual([...doc.model.services.keys()], ['a', 'b']);
    assert.equal(doc.documents.length, 2);
  });

  it('never throws and still models what it can read in a half-typed file', () => {
    const doc = parseCompose('services:\n  web:\n    image: nginx\n    ports:\n      - "80:80\n  db:\n    image: [\n', 'compose');
    assert.ok(doc.model.services.has('web'));
    assert.ok(doc.syntaxFindings.some((f) => f.code === 'yaml-syntax'));
  });

  it('survives odd input', () => {
    for (const input of ['', '\0\0\0', '\uFEFFservices: {}', '- a\n- b', 'a: b: c', '{{{{', ']]', ':', '? x\n', 'services:\r\n  a:\r\n    image: x\r\n', '&a [*a]', 'a: !reset null']) {
      assert.doesNotThrow(() => parseCompose(input, 'compose'), JSON.stringify(input));
    }
  });

  it('stops alias expansion of a "billion laughs" document with a finding', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const doc = parseCompose(lines.join('\n') + '\n', 'compose');
    assert.ok(doc.syntaxFindings.some((f) => f.code === 'yaml-alias-limit'));
  });

  it('gives alias expansion the same absolute budget whatever the length of the file (issue 19 item 8)', () => {
    // Before, the budget grew with the text (4 nodes per character): a bomb after a 9.5 MB comment
    // line exhausted a 4 GB heap. Here 300 kB of comment must not buy any more expansion.
    const padded = parseCompose(aliasBombAfter(300_000), 'compose');
    const bare = countNodes(parseCompose(aliasBombAfter(0), 'compose').documents[0]?.root);
    assert.equal(countNodes(padded.documents[0]?.root), bare);
    assert.ok(bare <= MAX_ALIAS_NODES + 100, `${bare} nodes`);
    assert.ok(padded.syntaxFindings.some((f) => f.code === 'yaml-alias-limit'));
  });

  it('reports YAML syntax errors and duplicate keys at the right place', () => {
    checkFindings('services:\n  web:\n    image: a\n    ⟦image⟧: b\n', ['duplicate-key'], {
      messages: ["Duplicate key 'image': Compose rejects a mapping that defines the same key twice."],
    });
    checkFindings('services:\n  web: ["a"\n⟦⟧', ['yaml-syntax']);
  });

  it('reports a quote that is never closed at the quote, not where the text ends', () => {
    for (const quote of ['"', "'"]) checkFindings(`services:\n  web:\n    image: ⟦${quote}⟧nginx\n    ports: []\n  db:\n    image: postgres\n`, ['yaml-syntax']);
  });
});

describe('parse: interpolation', () => {
  const resolved = (value: string) => parseInterpolation(value)?.resolved;
  it('applies defaults and unescapes $$', () => {
    assert.equal(resolved('${PORT:-8080}'), '8080');
    assert.equal(resolved('${HOST-127.0.0.1}:${PORT:-80}:80'), '127.0.0.1:80:80');
    assert.equal(resolved('${A:-${B:-x}}y'), 'xy');
    assert.equal(resolved('echo $$HOME'), 'echo $HOME');
  });
  it('is unknowable without a default', () => {
    assert.equal(resolved('${PORT}'), undefined);
    assert.equal(resolved('$PORT:80'), undefined);
    assert.equal(resolved('${PORT:?port is required}'), undefined);
    assert.equal(resolved('${PORT:+x}'), undefined);
  });
  it('ignores strings without interpolation', () => {
    assert.equal(parseInterpolation('nginx:latest'), undefined);
    assert.equal(parseInterpolation('cost $'), undefined);
  });
  it('lists the variables', () => {
    assert.deepEqual(parseInterpolation('${A:-1}-$B')!.variables.map((v) => [v.name, v.operator, v.argument]), [['A', ':-', '1'], ['B', '', undefined]]);
  });
});

function countNodes(node: Node | undefined): number {
  if (!node) return 0;
  if (node.kind === 'scalar') return 1;
  if (node.kind === 'seq') return node.items.reduce((sum, item) => sum + countNodes(item), 1);
  return node.entries.reduce((sum, e) => sum + countNodes(e.value), 1);
}
