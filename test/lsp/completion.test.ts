import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
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
    assert.deepEqual(server.initializeResult.capabilities.completionProvider?.triggerCharacters, [':', ' ', '/']);
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

describe('file path and build stage completion over stdio', function () {
  let server: TestServer;
  let folder: string;
  afterEach(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('completes folders (completing again after them) and files of the workspace, and Dockerfile stages', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'shipshape-paths-'));
    mkdirSync(path.join(folder, 'app'));
    writeFileSync(path.join(folder, 'app', 'Dockerfile'), 'FROM node:22 AS deps\nFROM deps AS runtime\n');
    writeFileSync(path.join(folder, 'web.env'), 'A=1\n');
    const root = pathToFileURL(folder).href;
    server = await startServer({ rootUri: root });
    const uri = `${root}/compose.yaml`;
    server.open(uri, 'services:\n  web:\n    env_file: ./\n    build:\n      context: app\n      target: \n');
    const complete = async (line: number, character: number, context: object) =>
      ((await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character }, context })) as CompletionList).items;
    const files = await complete(2, 16, { triggerKind: 2, triggerCharacter: '/' });
    assert.deepEqual(files.map((item) => [item.label, item.kind, item.command?.command]), [
      ['app/', 19 /* Folder */, 'editor.action.triggerSuggest'],
      // The open document counts as a file of its folder, saved or not.
      ['compose.yaml', 17 /* File */, undefined],
      ['web.env', 17 /* File */, undefined],
    ]);
    const stages = await complete(5, 14, { triggerKind: 1 });
    assert.deepEqual(stages.map((item) => item.label), ['deps', 'runtime']);
  });
});
