/**
 * The clashing pairs of bindings kept from the last version (server/src/service/analyses/ports/pairMemo.ts):
 * after each edit, whether or not any port changed, the port findings equal a fresh computation. Each
 * edit changes what clashes through one thing the memo must compare.
 */
import * as assert from 'node:assert/strict';
import { createLanguageService, type ComposeMode } from '../../../server/src/service/index';
import { schemas, service } from '../../support/service';

/** Sees each text once: nothing it finds comes from an earlier version. */
const fresh = createLanguageService({ schemas });

const COMPOSE = `services:
  a:
    image: nginx
    ports:
      - "9000-9001:80-81"
  b:
    image: nginx
    ports:
      - "8995-9005:8995-9005"
  c:
    image: nginx
    ports:
      - "7000:80/udp"
  d:
    image: nginx
    profiles: [debug]
    ports:
      - "127.0.0.1:7100:80"
  e:
    image: nginx
    profiles: [prod]
    ports:
      - "127.0.0.1:7100:80"
`;

const STACK = `version: "3.8"
services:
  a:
    image: nginx
    ports:
      - target: 80
        published: 9000
        mode: ingress
  b:
    image: nginx
    ports:
      - target: 80
        published: 9000
        mode: host
`;

/** [what changes, text found, its replacement, the mode the new version is read in]. */
type Edit = readonly [string, string, string, ComposeMode];

const FILES: [string, ComposeMode, string, Edit[]][] = [
  ['compose', 'compose', COMPOSE, [
    ['an image (no port changes)', 'image: nginx\n    ports:\n      - "7000', 'image: nginx:1\n    ports:\n      - "7000', 'compose'],
    ["a range's first port only", '8995-9005:8995-9005', '9002-9005:9002-9005', 'compose'],
    ["the range's first port back", '9002-9005:9002-9005', '8995-9005:8995-9005', 'compose'],
    ["a range's last port only", '8995-9005:8995-9005', '8995-8999:8995-8999', 'compose'],
    ["the range's last port back", '8995-8999:8995-8999', '8995-9005:8995-9005', 'compose'],
    ['the mode the file is read in, to stack', 'image: nginx\n', 'image: nginx\n', 'stack'],
    ['a fixed range made a pool of the same ports', '"9000-9001:80-81"', '"9000-9001:80"', 'compose'],
    ['a port, into a range on the other protocol (no clash)', '7000:80/udp', '9003:80/udp', 'compose'],
    ['a protocol', '9003:80/udp', '9003:80/tcp', 'compose'],
    ['profiles, from disjoint to shared', 'profiles: [prod]', 'profiles: [debug]', 'compose'],
    ['a host IP of the same family', '    profiles: [debug]\n    ports:\n      - "127.0.0.1:7100:80"\n  e:', '    profiles: [debug]\n    ports:\n      - "127.0.0.2:7100:80"\n  e:', 'compose'],
    ['replicas to 0', '      - "9003:80/tcp"', '      - "9003:80/tcp"\n    scale: 0', 'compose'],
  ]],
  ['stack', 'stack', STACK, [
    ['a publish mode', 'mode: ingress', 'mode: host', 'stack'],
    ['the publish mode back', 'mode: host\n  b:', 'mode: ingress\n  b:', 'stack'],
  ]],
];

describe('port clashes kept from the last version', () => {
  for (const [title, mode, start, edits] of FILES) {
    it(`equal a fresh computation after each edit of ${title} files`, () => {
      const ports = (findings: readonly { code: string }[]) => findings.filter((f) => f.code.startsWith('port-'));
      let doc = service.parse(start, mode);
      let last = ports(service.diagnostics(doc));
      for (const [what, find, replacement, readAs] of edits) {
        assert.ok(doc.text.includes(find), `${what}: ${find}`);
        doc = service.parse(doc.text.replace(find, replacement), readAs, doc);
        const expected = ports(fresh.diagnostics(fresh.parse(doc.text, readAs)));
        assert.deepEqual(ports(service.diagnostics(doc)), expected, what);
        // Each edit but those marked changes the clashes, so that a memo that missed the change fails.
        if (!what.includes('(no ')) assert.notDeepEqual(expected.map((f) => JSON.stringify(f)), last.map((f) => JSON.stringify(f)), `${what} changes nothing`);
        last = expected;
      }
    });
  }
});
