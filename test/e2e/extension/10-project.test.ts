/**
 * 10. A Compose project of several files: the override's port clashes with the base's port once `.env`
 *     is applied; the clash shows in the override file, the hover of `${WEB_PORT:-8080}` shows the `.env`
 *     value, and editing and saving `.env` moves the squiggle away.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, rangeOf, restore } from '../support/fixtures';
import { screenshot } from '../support/ui';
import { diagnosticCode, waitFor, waitForDiagnostics } from '../support/wait';

const isClash = (diagnostic: vscode.Diagnostic) => diagnosticCode(diagnostic) === 'port-conflict';

describe('10. a project of several files', function () {
  it('reports the clash in the override file, with related information into the base', async function () {
    const base = await openFixture('project/compose.yaml');
    const override = fixtureUri('project/compose.override.yaml');
    const diagnostics = await waitForDiagnostics(override, 'the clash in the override file', (found) => found.some(isClash));
    const clash = diagnostics.find(isClash)!;
    const overrideDocument = await vscode.workspace.openTextDocument(override);
    assert.deepEqual(clash.range, rangeOf(overrideDocument, '9090'));
    assert.ok(clash.relatedInformation?.some((info) => info.location.uri.toString() === base.document.uri.toString()), JSON.stringify(clash.relatedInformation));
    await screenshot('10-project-clash');
  });

  it('hovers ${WEB_PORT:-8080} with the value .env gives it', async function () {
    const base = await openFixture('project/compose.yaml');
    const position = rangeOf(base.document, 'WEB_PORT').start;
    const hovers = await waitFor('a hover with the .env value', async () => {
      const found = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', base.document.uri, position)) ?? [];
      const markdown = found.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
      return markdown.includes('9090') ? markdown : undefined;
    });
    assert.match(hovers, /\.env line 1/);
  });

  it('clears the squiggle when .env is edited and saved, without reopening anything', async function () {
    const env = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('project/.env')));
    try {
      await env.edit((edit) => edit.replace(rangeOf(env.document, '9090'), '7070'));
      // `.env` is no Compose document: the server sees it on disk, through the file watcher.
      assert.ok(await env.document.save());
      await waitForDiagnostics(fixtureUri('project/compose.override.yaml'), 'no clash after the .env edit', (found) => !found.some(isClash));
    } finally {
      await restore(env.document);
    }
  });
});
