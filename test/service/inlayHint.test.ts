import * as assert from 'node:assert/strict';
import type { ComposeMode, InlayHintSettings } from '../../server/src/service/index';
import { service } from '../support/service';

/** The text with each hint written in at its offset as `⟨label⟩`. */
function hinted(text: string, options: { mode?: ComposeMode; settings?: InlayHintSettings; range?: { start: number; end: number } } = {}): string {
  const doc = service.parse(text, options.mode ?? 'compose');
  let result = '';
  let last = 0;
  for (const hint of service.inlayHints(doc, options.range ?? { start: 0, end: text.length }, options.settings)) {
    result += `${text.slice(last, hint.offset)}⟨${hint.label}⟩`;
    last = hint.offset;
  }
  return result + text.slice(last);
}

describe('inlayHint', () => {
  it('shows the default a variable resolves to, for :- and - only', () => {
    assert.equal(
      hinted('services:\n  web:\n    image: "app:${TAG:-1.2}"\n    environment:\n      A: ${A-}\n      B: ${B:?required}\n      C: $C\n      D: ${D:-${E}}\n'),
      "services:\n  web:\n    image: \"app:${TAG:-1.2}⟨= 1.2⟩\"\n    environment:\n      A: ${A-}⟨= ''⟩\n      B: ${B:?required}\n      C: $C\n      D: ${D:-${E}}\n",
    );
  });

  it('shows the value a service replaces from the service it extends in the same file', () => {
    assert.equal(
      hinted('services:\n  base:\n    image: app:1\n    restart: always\n  web:\n    extends: base\n    image: app:2\n    restart: always\n  other:\n    extends: {service: base, file: other.yaml}\n    image: app:3\n'),
      'services:\n  base:\n    image: app:1\n    restart: always\n  web:\n    extends: base\n    image: app:2⟨was app:1 in base⟩\n    restart: always\n  other:\n    extends: {service: base, file: other.yaml}\n    image: app:3\n',
    );
  });

  it('says where a port without a host part is published, differently in stacks', () => {
    const text = 'services:\n  web:\n    image: x\n    ports:\n      - "80"\n      - "8080:80"\n      - target: 443\n      - {target: 53, mode: host}\n';
    assert.equal(hinted(text), 'services:\n  web:\n    image: x\n    ports:\n      - "80"⟨→ random host port⟩\n      - "8080:80"\n      - target: 443⟨→ random host port⟩\n      - {target: 53, mode: host}⟨→ random host port⟩\n');
    assert.match(hinted(text, { mode: 'stack' }), /- "80"⟨→ swarm-assigned port \(30000–32767\) on every node⟩\n[^]*\{target: 53, mode: host\}⟨→ random host port⟩/);
  });

  it('turns each kind off by its setting and keeps to the range', () => {
    const text = 'services:\n  web:\n    image: "app:${TAG:-1.2}"\n    ports: ["80"]\n';
    assert.equal(hinted(text, { settings: { variables: false, ports: false } }), text);
    assert.equal(hinted(text, { settings: { ports: false } }), 'services:\n  web:\n    image: "app:${TAG:-1.2}⟨= 1.2⟩"\n    ports: ["80"]\n');
    assert.equal(hinted(text, { range: { start: text.indexOf('ports'), end: text.length } }), 'services:\n  web:\n    image: "app:${TAG:-1.2}"\n    ports: ["80"⟨→ random host port⟩]\n');
  });
});
