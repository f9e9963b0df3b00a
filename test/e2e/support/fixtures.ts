/** The fixture workspace (a temporary copy of test/e2e/workspace made by the runner) and positions in it. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, waitFor } from './wait';

export const EXTENSION_ID = 'shipshape.shipshape';

export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens test/e2e/workspace as the workspace folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * Puts the file's text on disk back into this document (whichever editor is active) and saves it, so later
 * tests see the fixture as written. The runners keep auto-save off, so the file on disk is the fixture.
 */
export async function restore(document: vscode.TextDocument): Promise<void> {
  const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
  if (document.getText() === written) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), written);
  assert.ok(await vscode.workspace.applyEdit(edit), `${document.fileName} is restored`);
  assert.ok(await document.save(), `${document.fileName} is saved`);
}

/** Range of the `occurrence`-th (1-based) `needle` in the document. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 1): vscode.Range {
  const text = document.getText();
  let offset = -1;
  for (let n = 0; n < occurrence; n++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `occurrence ${n + 1} of '${needle}' is in ${document.fileName}`);
  }
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
}

/** The running Shipshape extension, once VS Code has activated it. */
export function activeExtension(): Promise<vscode.Extension<unknown>> {
  return waitFor('the Shipshape extension to activate', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    return extension?.isActive ? extension : undefined;
  });
}

/** Document symbols come only from Shipshape's server (no other extension provides them for Compose files). */
export async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
}

export interface ExpectedDiagnostic {
  readonly code: string;
  readonly range: vscode.Range;
  readonly message?: string;
}

/**
 * Asserts that the diagnostics with the expected codes sit exactly on the expected ranges (and carry the
 * expected messages); diagnostics of other codes are not this assertion's business.
 */
export function assertDiagnostics(document: vscode.TextDocument, actual: readonly vscode.Diagnostic[], expected: readonly ExpectedDiagnostic[]): void {
  const codes = new Set(expected.map((e) => e.code));
  const render = (code: string, range: vscode.Range, message?: string) =>
    `${code} ${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1} '${document.getText(range)}'${message === undefined ? '' : ` ${message}`}`;
  const withMessage = new Set(expected.filter((e) => e.message !== undefined).map((e) => e.code));
  const seen = actual
    .filter((d) => codes.has(diagnosticCode(d)))
    .map((d) => render(diagnosticCode(d), d.range, withMessage.has(diagnosticCode(d)) ? d.message : undefined))
    .sort();
  assert.deepEqual(seen, expected.map((e) => render(e.code, e.range, e.message)).sort());
}
