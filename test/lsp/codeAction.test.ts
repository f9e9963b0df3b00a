import * as assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/compose.yaml';

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
});
