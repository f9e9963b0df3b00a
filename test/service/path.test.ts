import * as assert from 'node:assert/strict';
import { cursorContext } from '../../server/src/service/parse/path';
import { parseMarkers } from '../support/markers';
import { service } from '../support/service';

/** marked text → [path, role, text under the cursor's span] */
const cases: readonly [string, readonly (string | number)[], 'key' | 'value', string][] = [
  ['services:\n  web:\n    ima<|>ge: nginx\n', ['services', 'web', 'image'], 'key', 'image'],
  ['services:\n  web:\n    image: ngi<|>nx\n', ['services', 'web', 'image'], 'value', 'nginx'],
  ['services:\n  web:\n    image: <|>\n', ['services', 'web', 'image'], 'value', ''],
  ['services:\n  web:\n    image: nginx\n    <|>\n', ['services', 'web', ''], 'key', ''],
  ['services:\n  web:\n    image: nginx\n  <|>\n', ['services', ''], 'key', ''],
  ['services:\n  web:\n    ports:\n      <|>\n', ['services', 'web', 'ports', ''], 'key', ''],
  ['services:\n  web:\n    ports:\n      - <|>\n', ['services', 'web', 'ports', 0], 'value', ''],
  ['services:\n  web:\n    ports:\n      - "80:80"\n      - 81<|>\n', ['services', 'web', 'ports', 1], 'value', '81'],
  ['services:\n  web:\n    ports:\n      - target: 80\n        pub<|>\n', ['services', 'web', 'ports', 0, 'pub'], 'key', 'pub'],
  ['services:\n  web:\n    ports: [80, <|>]\n', ['services', 'web', 'ports', 1], 'value', ''],
  ['services:\n  web:\n    healthcheck: {interval: 5s, ret<|>}\n', ['services', 'web', 'healthcheck', 'ret'], 'key', 'ret'],
  ['services:\n  web:\n    deploy: {restart_policy: {condition: on-fa<|>}}\n', ['services', 'web', 'deploy', 'restart_policy', 'condition'], 'value', 'on-fa'],
  ['a: 1\n---\nnetworks:\n  back:\n    driver: b<|>\n', ['networks', 'back', 'driver'], 'value', 'b'],
  // Broken YAML: the text's indentation takes over where the tree lost the lines.
  ['services:\n  web:\n    image: "nginx\n    deploy:\n      mode: gl<|>\n', ['services', 'web', 'deploy', 'mode'], 'value', 'gl'],
  ['services:\n  web:\n    image: "nginx\n    ports:\n      - <|>\n', ['services', 'web', 'ports', 0], 'value', ''],
];

describe('cursor context', () => {
  for (const [marked, path, role, under] of cases) {
    it(JSON.stringify(marked), () => {
      const { text, cursor } = parseMarkers(marked);
      const context = cursorContext(service.parse(text, 'compose'), cursor!);
      assert.deepEqual([context.path, context.role, text.slice(context.span.start, context.span.end)], [path, role, under]);
    });
  }
});
