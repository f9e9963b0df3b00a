/**
 * 8. The server survives a feature that throws and keeps answering.
 *
 * The server makes the handlers named in SHIPSHAPE_FAULTY_METHODS throw (server/src/lsp/main.ts). The
 * language client forks the server with the extension host's environment at start-up, and the tests run
 * in that same process; so this test sets the variable, restarts the server through Shipshape's own
 * command, and removes it again afterwards: the fault is confined to this test.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { documentSymbols, openFixture, rangeOf, restore } from '../support/fixtures';
import { screenshot } from '../support/ui';
import { diagnosticCode, waitFor, waitForDiagnostics } from '../support/wait';

const FAULTY = 'textDocument/documentSymbol';
const FILE = 'problems/compose.yaml';

async function restartServer(faultyMethods: string | undefined): Promise<void> {
  if (faultyMethods === undefined) delete process.env['SHIPSHAPE_FAULTY_METHODS'];
  else process.env['SHIPSHAPE_FAULTY_METHODS'] = faultyMethods;
  await vscode.commands.executeCommand('shipshape.restartServer');
}

describe('8. fault tolerance', function () {
  let editor: vscode.TextEditor;
  before(async function () {
    editor = await openFixture(FILE);
  });
  after(async function () {
    await restore(editor.document);
    await restartServer(undefined);
    await waitFor('document symbols again after removing the fault', async () => (await documentSymbols(editor.document.uri)).length > 0);
  });

  it(`keeps publishing diagnostics and answering requests while ${FAULTY} throws`, async function () {
    const uri = editor.document.uri;
    const isTypo = (d: vscode.Diagnostic) => diagnosticCode(d) === 'schema-unknown-property';
    await waitForDiagnostics(uri, 'the typo in the fixture', (found) => found.some((d) => isTypo(d) && d.range.start.isEqual(rangeOf(editor.document, 'imag:').start)));
    const names = (await waitFor('document symbols before the fault', async () => {
      const symbols = await documentSymbols(uri);
      return symbols.length > 0 ? symbols : undefined;
    })).map((symbol) => symbol.name);
    assert.deepEqual(names, ['services', 'networks']);

    await restartServer(FAULTY);
    assert.deepEqual(await documentSymbols(uri), [], 'the faulty feature answers with its empty fallback');

    const typo = rangeOf(editor.document, 'imag:');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, typo);
    assert.ok(Array.isArray(actions), 'code actions still answer');

    // Diagnostics survive a restart in the client, so only a change proves the new server publishes them.
    assert.ok(await editor.edit((edit) => edit.replace(typo, 'image:')));
    await waitForDiagnostics(uri, 'updated diagnostics after an edit', (found) => !found.some(isTypo));
    assert.ok(await editor.edit((edit) => edit.replace(rangeOf(editor.document, 'image:'), 'imag:')));
    await waitForDiagnostics(uri, 'the typo reported again', (found) => found.some(isTypo));
    assert.deepEqual(await documentSymbols(uri), [], 'the fault is still in effect, so this is the same server');
    await screenshot('8-server-survived-fault');
  });
});
