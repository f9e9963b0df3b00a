/**
 * With Red Hat YAML installed (a manifest-only stand-in with its id and settings), Shipshape leaves Compose
 * schema errors and the schema's key descriptions to it and asks once; "Use Shipshape" turns Red Hat's
 * Compose schema off in the workspace settings, after which Shipshape reports those errors and describes
 * those keys itself: each error and each description exactly once.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openFixture, rangeOf } from '../support/fixtures';
import { frameClick, requireUi, screenshot, texts } from '../support/ui';
import { diagnosticCode, waitFor, waitForDiagnostics } from '../support/wait';

const PROMPT = 'Red Hat YAML also checks Compose files';

/** The Markdown of every hover at `position` (the stand-in has no code, so these are Shipshape's). */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

describe('beside Red Hat YAML', function () {
  it('leaves schema errors to it, asks once, and takes them back after "Use Shipshape"', async function () {
    requireUi(this);
    assert.ok(vscode.extensions.getExtension('redhat.vscode-yaml'), 'the stand-in Red Hat YAML is installed');
    const editor = await openFixture('peers/compose.yaml');
    await activeExtension();
    const before = await waitForDiagnostics(editor.document.uri, 'the port conflict', (found) => found.some((d) => diagnosticCode(d) === 'port-conflict'));
    assert.ok(!before.some((d) => diagnosticCode(d) === 'schema-unknown-property'), 'the schema error is left to Red Hat YAML');
    // Red Hat's hover shows the schema's description of `image`, and Shipshape has nothing of its own there;
    // on `ports` it keeps its own note on where the ports listen, without the schema's type line.
    const image = rangeOf(editor.document, 'image').start.translate(0, 1);
    const ports = rangeOf(editor.document, 'ports').start.translate(0, 1);
    assert.equal(await hoverText(editor.document.uri, image), '', 'no second description of image');
    const portsNote = await hoverText(editor.document.uri, ports);
    assert.match(portsNote, /Publishes container ports/);
    assert.doesNotMatch(portsNote, /Type:/);

    // A toast hides itself after a while in an unfocused window; the notification centre keeps it.
    await vscode.commands.executeCommand('notifications.showList');
    await waitFor('the coexistence prompt', async () => (await texts('.notification-list-item')).some((text) => text.includes(PROMPT)));
    await screenshot('peers-prompt');
    assert.ok(await frameClick(`.notification-list-item:has-text("${PROMPT}") a.monaco-button:has-text("Use Shipshape")`), 'the button is there');

    const disabled = await waitFor('Red Hat schema detection turned off in the workspace', () => {
      const value = vscode.workspace.getConfiguration('yaml').inspect<string[]>('disableSchemaDetection')?.workspaceValue;
      return Array.isArray(value) && value.some((pattern) => pattern.includes('compose')) && value;
    });
    assert.ok(disabled.includes('**/{compose,docker-compose}.{yml,yaml}'), disabled.join());
    const after = await waitForDiagnostics(editor.document.uri, 'the schema error from Shipshape', (found) => found.some((d) => diagnosticCode(d) === 'schema-unknown-property'));
    const count = (code: string) => after.filter((d) => diagnosticCode(d) === code).length;
    assert.equal(count('schema-unknown-property'), 1);
    assert.equal(count('port-conflict'), 2, 'one on each side of the conflict');
    const described = await waitFor('Shipshape describing image itself', async () => (await hoverText(editor.document.uri, image)).includes('**image**'));
    assert.ok(described);
    await screenshot('peers-after-use-shipshape');
  });
});
