import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/docker-stack.yml';

describe('textDocument/completion over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  const complete = async (line: number, character: number, triggerCharacter?: string): Promise<CompletionItem[]> => {
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    const list = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line, character }, context })) as CompletionList;
    return list.items;
  };

  it('declares its trigger characters and answers enum values with text edits', async () => {
    server = await startServer();
    assert.deepEqual(server.initializeResult.capabilities.completionProvider?.triggerCharacters, [':', ' ']);
    server.open(URI, 'services:\n  web:\n    image: nginx\n    deploy:\n      endpoint_mode:\n');
    const items = await complete(4, 20, ':');
    const dnsrr = items.find((item) => item.label === 'dnsrr');
    assert.ok(dnsrr, JSON.stringify(items.map((item) => item.label)));
    assert.deepEqual(dnsrr.textEdit as TextEdit, { range: { start: { line: 4, character: 20 }, end: { line: 4, character: 20 } }, newText: ' dnsrr' });
    assert.equal(dnsrr.kind, 20 /* EnumMember */);
  });

  it('answers schema keys as snippets with Markdown documentation, also in a broken file', async () => {
    server = await startServer();
    server.open(URI, 'services:\n  web:\n    image: nginx\n    deploy:\n      upd\n  db:\n    image: [postgres\n');
    const items = await complete(4, 9);
    const update = items.find((item) => item.label === 'update_config');
    assert.ok(update, JSON.stringify(items.map((item) => item.label)));
    assert.equal(update.insertTextFormat, 2 /* Snippet */);
    assert.deepEqual((update.textEdit as TextEdit).range, { start: { line: 4, character: 6 }, end: { line: 4, character: 9 } });
    assert.match((update.documentation as MarkupContent).value, /docker stack deploy/);
  });

  it('stays quiet for a space typed as indentation', async () => {
    server = await startServer();
    server.open(URI, 'services:\n  web:\n    \n');
    assert.deepEqual(await complete(2, 4, ' '), []);
  });
});
