/**
 * 2. A file with problems gets diagnostics with the right codes and ranges, rendered as squiggles and
 *    Problems-panel rows.
 * 7. Editing the file updates them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertDiagnostics, openFixture, rangeOf, restore, type ExpectedDiagnostic } from '../support/fixtures';
import { count, requireUi, screenshot, texts } from '../support/ui';
import { diagnosticCode, waitFor, waitForDiagnostics } from '../support/wait';

const FILE = 'problems/compose.yaml';

function expectedProblems(document: vscode.TextDocument): ExpectedDiagnostic[] {
  return [
    { code: 'schema-unknown-property', range: rangeOf(document, 'imag'), message: "Unknown property 'imag' in service 'web'. Did you mean 'image'?" },
    // Conflicts are reported on both sides, on the published port.
    { code: 'port-conflict', range: rangeOf(document, '8080', 1) },
    { code: 'port-conflict', range: rangeOf(document, '8080', 2) },
    { code: 'subnet-overlap', range: rangeOf(document, '172.30.0.0/16') },
    { code: 'subnet-overlap', range: rangeOf(document, '172.30.5.0/24') },
  ];
}

describe('2. diagnostics', function () {
  let editor: vscode.TextEditor;
  before(async function () {
    editor = await openFixture(FILE);
  });

  it('reports each problem with its code, range and message', async function () {
    const expected = expectedProblems(editor.document);
    const diagnostics = await waitForDiagnostics(editor.document.uri, 'the problems of the fixture', (found) =>
      expected.every((e) => found.some((d) => diagnosticCode(d) === e.code)),
    );
    assertDiagnostics(editor.document, diagnostics, expected);
    const typo = diagnostics.find((d) => diagnosticCode(d) === 'schema-unknown-property');
    assert.equal(typo?.severity, vscode.DiagnosticSeverity.Error);
  });

  it('checks docker-stack.yml with the rules of docker stack deploy', async function () {
    const stack = await openFixture('problems/docker-stack.yml');
    const isCpus = (d: vscode.Diagnostic) => diagnosticCode(d) === 'stack-cpus-not-string';
    const diagnostics = await waitForDiagnostics(stack.document.uri, 'the stack-only finding', (found) => found.some(isCpus));
    assertDiagnostics(stack.document, diagnostics, [{ code: 'stack-cpus-not-string', range: rangeOf(stack.document, '0.5') }]);
    await vscode.window.showTextDocument(editor.document, { preview: false });
  });

  it('renders the squiggle and the Problems-panel row', async function () {
    requireUi(this);
    await vscode.window.showTextDocument(editor.document, { preview: false });
    await waitFor('an error squiggle in the editor', async () => (await count('.monaco-editor .squiggly-error')) > 0);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // A row reads "<message>\nshipshape\n<code>\n[Ln <line>, Col <column>]".
    const rendersRow = (e: ExpectedDiagnostic, row: string) =>
      row.includes(`${e.code}\n[Ln ${e.range.start.line + 1}, Col ${e.range.start.character + 1}]`) && (e.message === undefined || row.startsWith(e.message));
    await waitFor('a Problems-panel row for each problem', async () => {
      const rows = await texts('.markers-panel .monaco-list-row');
      return expectedProblems(editor.document).every((e) => rows.some((row) => rendersRow(e, row)));
    });
    await screenshot('2-squiggle-and-problems-panel');
  });
});

describe('7. editing', function () {
  let editor: vscode.TextEditor;
  before(async function () {
    editor = await openFixture(FILE);
  });
  after(async function () {
    await restore(editor.document);
  });

  it('fixing a mistake removes its diagnostic; typing a new one reports it', async function () {
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, 'the typo diagnostic', (found) => found.some((d) => diagnosticCode(d) === 'schema-unknown-property'));

    // Typed through the editor, as a user would: select the typo and type over it.
    const typo = rangeOf(editor.document, 'imag');
    editor.selection = new vscode.Selection(typo.start, typo.end);
    await vscode.commands.executeCommand('type', { text: 'image' });
    await waitForDiagnostics(uri, 'the typo diagnostic to disappear', (found) => !found.some((d) => diagnosticCode(d) === 'schema-unknown-property'));
    await screenshot('7-typo-fixed');

    // A whole line is inserted as one edit: typing a newline would add the editor's auto-indent.
    const ports = rangeOf(editor.document, '    ports:', 2);
    assert.ok(await editor.edit((edit) => edit.insert(ports.start, '    enviroment: {}\n')));
    const diagnostics = await waitForDiagnostics(uri, 'a diagnostic for the new typo', (found) => found.some((d) => diagnosticCode(d) === 'schema-unknown-property'));
    assertDiagnostics(editor.document, diagnostics, [
      { code: 'schema-unknown-property', range: rangeOf(editor.document, 'enviroment'), message: "Unknown property 'enviroment' in service 'api'. Did you mean 'environment'?" },
    ]);
    await screenshot('7-new-typo');
  });
});
