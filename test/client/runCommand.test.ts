/** The terminal commands of the "Run service" / "Deploy stack" code lenses (client/src/run/commandLine.ts). */
import * as assert from 'node:assert/strict';
import { runCommand, shellWord, stackName } from '../../client/src/run/commandLine';

describe('run lens commands', () => {
  it('runs a default-named file as docker compose finds it, so the override and .env apply', () => {
    assert.deepEqual(runCommand({ mode: 'compose', file: '/p/app/compose.yaml', service: 'web', platform: 'linux' }), { name: 'Shipshape: web', cwd: '/p/app', text: 'docker compose up web' });
    assert.equal(runCommand({ mode: 'compose', file: '/p/app/docker-compose.yml', platform: 'linux' }).text, 'docker compose up');
  });

  it('names any other file with -f, quoted for the shell', () => {
    assert.equal(runCommand({ mode: 'compose', file: '/p/app/compose.prod.yaml', platform: 'linux' }).text, 'docker compose -f compose.prod.yaml up');
    assert.equal(runCommand({ mode: 'compose', file: "/p/my app/it's.yml", service: 'db', platform: 'linux' }).text, "docker compose -f 'it'\\''s.yml' up db");
    assert.deepEqual(runCommand({ mode: 'compose', file: "C:\\p\\my app\\it's.yml", platform: 'win32' }), { name: "Shipshape: it's.yml", cwd: 'C:\\p\\my app', text: "docker compose -f 'it''s.yml' up" });
  });

  it('deploys a stack file under a name made from its folder', () => {
    assert.deepEqual(runCommand({ mode: 'stack', file: '/srv/My Shop/docker-stack.yml', platform: 'linux' }), {
      name: 'Shipshape: deploy my-shop',
      cwd: '/srv/My Shop',
      text: 'docker stack deploy -c docker-stack.yml my-shop',
    });
    assert.equal(stackName('/'), 'stack');
    assert.equal(stackName('/x/__Prod.EU__'), 'prod-eu');
  });

  it('leaves plain words unquoted', () => {
    assert.equal(shellWord('web-1.x_y', 'linux'), 'web-1.x_y');
    assert.equal(shellWord('$(rm -rf ~)', 'linux'), "'$(rm -rf ~)'");
  });
});
