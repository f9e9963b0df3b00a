import * as assert from 'node:assert/strict';
import { modeForPath } from '../../server/src/service/index';

describe('stack mode detection', () => {
  it('treats *stack*.yml files as stack files by default', () => {
    for (const file of ['/w/docker-stack.yml', '/w/docker-stack.yaml', 'stack.yml', '/w/prod-stack.prod.yaml', 'C:\\w\\my-stack.yml']) assert.equal(modeForPath(file), 'stack', file);
    for (const file of ['/w/compose.yaml', '/w/docker-compose.yml', '/stack/compose.yml', '/w/stack.json']) assert.equal(modeForPath(file), 'compose', file);
  });
  it('follows configured patterns', () => {
    assert.equal(modeForPath('/w/deploy/prod.yml', ['**/deploy/*.yml']), 'stack');
    assert.equal(modeForPath('/w/prod.yml', ['**/deploy/*.yml']), 'compose');
    assert.equal(modeForPath('/w/swarm.yml', ['swarm.{yml,yaml}']), 'stack');
  });
});
