/** 5. The quick fix for a port conflict applies, and the conflict disappears. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, restore } from '../support/fixtures';
import { itWhenLanded } from '../support/pending';
import { screenshot } from '../support/ui';
import { diagnosticCode, waitForDiagnostics } from '../support/wait';

describe('5. quick fix', function () {
  let editor: vscode.TextEditor | undefined;
  after(async function () {
    if (editor) await restore(editor.document);
  });

  itWhenLanded('portQuickFix')('resolves a port conflict', async function () {
    editor = await openFixture('quickfix/compose.yaml');
    const uri = editor.document.uri;
    const isConflict = (d: vscode.Diagnostic) => diagnosticCode(d) === 'port-conflict';
    const [conflict] = (await waitForDiagnostics(uri, 'the port conflict', (found) => found.some(isConflict))).filter(isConflict);
    assert.ok(conflict);
    await screenshot('5-port-conflict');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, conflict.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.diagnostics?.some(isConflict));
    assert.ok(fix?.edit, `a quick fix for the port conflict among: ${actions.map((a) => a.title).join('; ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(uri, 'the port conflict to disappear', (found) => !found.some(isConflict));
    await screenshot('5-port-conflict-fixed');
  });
});
