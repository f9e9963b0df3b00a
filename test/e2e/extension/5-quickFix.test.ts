/** 5. The quick fix for a port conflict applies, and the conflict disappears. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, restore } from '../support/fixtures';
import { hasUi, screenshot, texts } from '../support/ui';
import { diagnosticCode, waitFor, waitForDiagnostics } from '../support/wait';

describe('5. quick fix', function () {
  let editor: vscode.TextEditor | undefined;
  after(async function () {
    if (editor) await restore(editor.document);
  });

  it('resolves a port conflict', async function () {
    editor = await openFixture('quickfix/compose.yaml');
    const uri = editor.document.uri;
    const isConflict = (d: vscode.Diagnostic) => diagnosticCode(d) === 'port-conflict';
    const [conflict] = (await waitForDiagnostics(uri, 'the port conflict', (found) => found.some(isConflict))).filter(isConflict);
    assert.ok(conflict);
    await screenshot('5-port-conflict');

    // The API command drops each action's `diagnostics`, so the fix is recognised as the preferred quick fix
    // on the conflict's range: the one Auto Fix (and a click on the light bulb's first entry) applies.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, conflict.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix?.edit, `a preferred quick fix for the port conflict among: ${actions.map((a) => a.title).join('; ')}`);
    if (hasUi) {
      editor.selection = new vscode.Selection(conflict.range.start, conflict.range.start);
      await vscode.commands.executeCommand('editor.action.quickFix');
      await waitFor('the quick-fix menu', async () => (await texts('.action-widget')).some((text) => text.includes(fix.title)));
      await screenshot('5-quick-fix-menu');
      await vscode.commands.executeCommand('hideCodeActionWidget');
    }
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(uri, 'the port conflict to disappear', (found) => !found.some(isConflict));
    await screenshot('5-port-conflict-fixed');
  });
});
