import * as assert from 'node:assert/strict';
import { parseMarkers, renderSpans } from '../support/markers';
import { service } from '../support/service';

describe('codeLens and workspaceSymbol', () => {
  it('puts a lens on each declared service and network with the spans that reference it', () => {
    const { text, spans } = parseMarkers('services:\n  ⟦db⟧:\n    image: x\n  ⟦web⟧:\n    image: x\n    depends_on: [db]\n    networks: [back]\n  ⟦worker⟧:\n    image: x\n    links: ["db:database"]\n    networks: [back]\nnetworks:\n  ⟦back⟧: {}\nvolumes:\n  data:\n');
    const lenses = service.codeLenses(service.parse(text, 'compose'));
    assert.equal(renderSpans(text, lenses.map((lens) => lens.span)), renderSpans(text, spans));
    assert.deepEqual(lenses.map((lens) => [lens.kind, lens.name, lens.references.map((span) => text.slice(span.start, span.end)).join(',')]), [
      ['service', 'db', 'db,db'],
      ['service', 'web', ''],
      ['service', 'worker', ''],
      ['network', 'back', 'back,back'],
    ]);
  });

  it('finds declared names across files by fuzzy match, best first', () => {
    const a = service.parse('services:\n  web-frontend:\n    image: x\n  worker:\n    image: x\nnetworks:\n  frontnet: {}\n', 'compose');
    const b = service.parse('services:\n  front:\n    image: x\nsecrets:\n  fe_token: {file: ./t}\n', 'compose');
    const found = service.workspaceSymbols([{ path: '/p/a/compose.yaml', doc: a }, { path: '/p/b/compose.yaml', doc: b }], 'front');
    assert.deepEqual(found.map((symbol) => `${symbol.kind}:${symbol.name}@${symbol.path}`), ['service:front@/p/b/compose.yaml', 'network:frontnet@/p/a/compose.yaml', 'service:web-frontend@/p/a/compose.yaml']);
    assert.deepEqual(service.workspaceSymbols([{ path: '/p/b/compose.yaml', doc: b }], 'ft').map((symbol) => symbol.name), ['fe_token', 'front']);
    assert.equal(service.workspaceSymbols([{ path: '/p/a/compose.yaml', doc: a }], '').length, 3);
    assert.deepEqual(service.workspaceSymbols([{ path: '/p/a/compose.yaml', doc: a }], 'zz'), []);
  });
});
