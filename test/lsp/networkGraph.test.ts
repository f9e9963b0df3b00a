import * as assert from 'node:assert/strict';
import { NETWORK_GRAPH_METHOD, type NetworkGraphResult } from '../../server/src/protocol';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/compose.yaml';

describe('compose/networkGraph over stdio', () => {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('answers the graph with LSP ranges and findings attached', async () => {
    server = await startServer();
    const diagnostics = server.diagnostics(URI, 1);
    server.open(URI, 'services:\n  web:\n    imag: nginx\n    networks:\n      back:\n        ipv4_address: 10.0.0.2\nnetworks:\n  back: {}\n');
    await diagnostics;
    const graph = (await server.connection.sendRequest(NETWORK_GRAPH_METHOD, { textDocument: { uri: URI } })) as NetworkGraphResult;
    const web = graph.nodes.find((node) => node.id === 'service:web')!;
    assert.deepEqual(web.range, { start: { line: 1, character: 2 }, end: { line: 6, character: 0 } });
    assert.deepEqual(web.findings.map((f) => [f.code, f.range]), [['schema-unknown-property', { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } }]]);
    const edge = graph.edges.find((e) => e.kind === 'network')!;
    assert.ok(edge.kind === 'network');
    assert.equal(edge.ipv4Address, '10.0.0.2');
    assert.deepEqual(edge.range.start, { line: 4, character: 6 });
  });

  it('answers an empty graph for a document it does not have', async () => {
    server = await startServer();
    assert.deepEqual(await server.connection.sendRequest(NETWORK_GRAPH_METHOD, { textDocument: { uri: 'file:///work/other.yaml' } }), { nodes: [], edges: [] });
  });

  it('answers an empty graph when the feature fails, and keeps serving', async () => {
    server = await startServer({ env: { SHIPSHAPE_FAULTY_METHODS: NETWORK_GRAPH_METHOD } });
    server.open(URI, 'services:\n  web:\n    image: nginx\n');
    assert.deepEqual(await server.connection.sendRequest(NETWORK_GRAPH_METHOD, { textDocument: { uri: URI } }), { nodes: [], edges: [] });
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.ok(Array.isArray(symbols) && symbols.length === 1, 'other features still answer');
  });
});
