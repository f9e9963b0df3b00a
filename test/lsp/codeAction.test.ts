import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/compose.yaml';
const TEXT = 'services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n  api:\n    image: api\n    ports:\n      - "8080:3000"\n';

interface Action {
  title: string;
  diagnostics?: { code: string }[];
  edit?: { changes?: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> };
}

describe('textDocument/codeAction over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('offers the subnet-overlap fix with edits on the subnet and the static address', async () => {
    server = await startServer();
    const text = 'services:\n  a:\n    image: x\n    networks:\n      n2: {ipv4_address: 172.16.0.9}\nnetworks:\n  n1:\n    ipam: {config: [{subnet: 172.16.0.0/16}]}\n  n2:\n    ipam: {config: [{subnet: 172.16.0.0/24}]}\n';
    const published = server.diagnostics(URI, 1);
    server.open(URI, text);
    const diagnostics = (await published) as { code: string; range: unknown }[];
    const overlap = diagnostics.find((d) => d.code === 'subnet-overlap');
    assert.ok(overlap);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 9, character: 30 }, end: { line: 9, character: 30 } }, context: { diagnostics } })) as Action[];
    const fix = actions.find((action) => action.diagnostics?.[0]?.code === 'subnet-overlap');
    assert.equal(fix?.title, 'Change subnet to 10.0.0.0/24 and move its addresses');
    const edits = fix!.edit!.changes![URI]!.map((edit) => [edit.range.start.line, edit.newText]);
    assert.deepEqual(edits, [[9, '10.0.0.0/24'], [4, '10.0.0.9']]);
  });

  it('returns a port-conflict quick fix whose edits resolve the conflict', async () => {
    server = await startServer();
    const published = server.diagnostics(URI, 1);
    server.open(URI, TEXT);
    const diagnostics = await published;
    assert.deepEqual(diagnostics.map((d) => d.code), ['port-conflict', 'port-conflict']);
    const target = diagnostics[1]!;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'port-conflict');
    assert.ok(fix, JSON.stringify(actions));
    assert.equal(fix.title, 'Change host port 8080 to 8081');
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'dockercompose', 1, TEXT), fix.edit!.changes![URI]!);
    assert.equal(fixed, TEXT.replace('"8080:3000"', '"8081:3000"'));

    const reopened = server.diagnostics(URI, 2);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    server.open(URI, fixed, 2);
    assert.deepEqual(await reopened, []);
  });

  it('offers the short/long syntax refactoring at a port item', async () => {
    server = await startServer();
    const published = server.diagnostics(URI, 1);
    server.open(URI, TEXT);
    await published;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 7, character: 10 }, end: { line: 7, character: 10 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const refactoring = actions.find((a) => a.kind === 'refactor.rewrite');
    assert.equal(refactoring?.title, 'Convert port to long syntax');
    const rewritten = TextDocument.applyEdits(TextDocument.create(URI, 'dockercompose', 1, TEXT), refactoring.edit!.changes![URI]!);
    assert.equal(rewritten, TEXT.replace('- "8080:3000"', '- target: 3000\n        published: "8080"'));
  });
});
