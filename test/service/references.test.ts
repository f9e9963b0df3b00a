import * as assert from 'node:assert/strict';
import { checkReferences } from '../support/navigation';
import { service } from '../support/service';

describe('references', () => {
  const networks = 'services:\n  web:\n    image: x\n    networks: [⟦back⟧]\n  api:\n    image: x\n    networks:\n      ⟦back⟧:\n        aliases: [api]\nnetworks:\n  ⟦back⟧: {}\n  front: {}\n';

  it('finds the declaration and every reference, from either', () => {
    checkReferences(networks.replace('[⟦back⟧]', '[⟦ba<|>ck⟧]'));
    checkReferences(networks.replace('  ⟦back⟧: {}', '  ⟦<|>back⟧: {}'));
    checkReferences(networks.replace('[⟦back⟧]', '[⟦ba<|>ck⟧]').replace('  ⟦back⟧: {}', '  back: {}'), false);
  });

  it('finds services in all their reference forms, and a name in an anchor once', () => {
    checkReferences(
      'x-dep: &dep\n  depends_on: [⟦db⟧]\nservices:\n  ⟦d<|>b⟧:\n    image: x\n  a:\n    image: x\n    <<: *dep\n  b:\n    image: x\n    <<: *dep\n    links: ["⟦db⟧:alias"]\n    volumes_from: ["⟦db⟧"]\n  c:\n    image: x\n    network_mode: service:⟦db⟧\n  d:\n    extends: ⟦db⟧\n',
    );
  });

  it('highlights the declaration as a write and references as reads', () => {
    const text = 'services:\n  web:\n    image: x\n    secrets: [s]\nsecrets:\n  s: {file: ./s}\n';
    const highlights = service.documentHighlights(service.parse(text, 'compose'), text.indexOf('[s]') + 1);
    assert.deepEqual(highlights.map((h) => [text.slice(h.span.start, h.span.end), h.kind, h.span.start]), [['s', 'write', text.indexOf('  s:') + 2], ['s', 'read', text.indexOf('[s]') + 1]]);
  });
});
