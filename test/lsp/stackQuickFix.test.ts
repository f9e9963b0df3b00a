import * as assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/docker-stack.yml';

describe('stack files over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('checks docker-stack.yml as a stack file and offers the quick fix for its finding', async () => {
    server = await startServer();
    const diagnostics = server.diagnostics(URI, 1);
    server.open(URI, 'services:\n  web:\n    image: nginx\n    deploy:\n      resources:\n        limits: {cpus: 0.5}\n');
    const [finding, ...rest] = await diagnostics;
    assert.equal(rest.length, 0);
    assert.equal(finding!.code, 'stack-cpus-not-string');
    assert.deepEqual(finding!.range, { start: { line: 5, character: 23 }, end: { line: 5, character: 26 } });
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: finding!.range,
      context: { diagnostics: [finding] },
    })) as CodeAction[];
    const edits = actions.find((action) => action.title === "Quote it: '0.5'")?.edit?.changes?.[URI] as TextEdit[] | undefined;
    assert.deepEqual(edits, [{ range: finding!.range, newText: "'0.5'" }]);
  });

  it('decides the mode from the modeline and the content too, and notes a name the content contradicts', async () => {
    server = await startServer();
    // `full-stack.yml` names a web-app stack, not a Swarm one: extends is no stack error there. With no
    // workspace folder the base file may not be read: a note says so, no error.
    const fullStack = server.diagnostics('file:///w/full-stack.yml', 1);
    server.open('file:///w/full-stack.yml', 'services:\n  web:\n    image: x\n    extends: {file: base.yml, service: web}\n');
    assert.deepEqual((await fullStack).map((d) => [d.code, d.severity]), [['extends-file-unreadable', 3]]);
    const modeline = server.diagnostics('file:///w/docker-compose.yml', 1);
    server.open('file:///w/docker-compose.yml', '# shipshape: stack\nservices:\n  web:\n    image: nginx\n    deploy:\n      resources:\n        limits: {cpus: 0.5}\n');
    assert.deepEqual((await modeline).map((d) => d.code), ['stack-cpus-not-string']);
    const swarm = server.diagnostics('file:///w/compose.yaml', 1);
    server.open('file:///w/compose.yaml', 'services:\n  web:\n    image: nginx\n    deploy: {mode: global}\n');
    assert.deepEqual((await swarm).map((d) => d.code), ['mode-contradicted', 'deploy-key-ignored-by-compose']);
  });
});
