/**
 * 11. The editor features of issue 15 through VS Code's own commands: Ctrl+click on `env_file: .env` opens
 *     the file, Format Document re-indents and keeps every comment, the services fold, `${TAG:-1.2}` shows
 *     `1.2` inline, and `imag:` is fixed to `image:`. Fixtures in workspace/editor/.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, rangeOf, restore } from '../support/fixtures';
import { hasUi, screenshot, texts } from '../support/ui';
import { diagnosticCode, waitFor, waitForDiagnostics } from '../support/wait';

/** What Format Document makes of workspace/editor/format/compose.yaml with 2-space indentation. */
const FORMATTED = [
  '# Format Document (11-editorFeatures.test.ts): re-indented, every comment kept.',
  'services:',
  '  # the front end',
  '  web:',
  '    image: nginx:1.27   # pinned',
  '    ports:',
  '    - "8080:80"',
  '    # more ports later',
  '  db:',
  '    image: postgres:16',
  '    environment:',
  '      POSTGRES_DB: shop',
  '# end of file',
  '',
].join('\n');

const commentsOf = (text: string) => text.split('\n').flatMap((line) => /#.*$/.exec(line)?.[0] ?? []);

/** The rendered text of the editor's lines (injected inlay hints included), spaces as spaces. */
async function renderedLines(): Promise<string[]> {
  return (await texts('.monaco-editor .view-line')).map((line) => line.replace(/\u00a0/g, ' '));
}

describe('11. editor features', function () {
  const touched: vscode.TextDocument[] = [];
  afterEach(async function () {
    await vscode.commands.executeCommand('editor.unfoldAll');
    for (const document of touched.splice(0)) await restore(document);
  });

  it('links env_file: .env to the workspace file, and following the link opens it', async function () {
    const editor = await openFixture('editor/links/compose.yaml');
    const envRange = rangeOf(editor.document, '.env');
    const expected = fixtureUri('editor/links/.env');
    const link = await waitFor('a link on .env', async () => {
      const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri)) ?? [];
      return links.find((candidate) => candidate.range.isEqual(envRange));
    });
    assert.equal(link.target?.toString(), expected.toString());

    // editor.action.openLink is Ctrl+click from the keyboard: it follows the link under the cursor, once the
    // editor's link detector has asked the server; until then it does nothing, so it is tried again.
    editor.selection = new vscode.Selection(envRange.start.translate(0, 1), envRange.start.translate(0, 1));
    await waitFor('the .env editor', async () => {
      if (vscode.window.activeTextEditor?.document.uri.toString() !== expected.toString()) await vscode.commands.executeCommand('editor.action.openLink');
      return vscode.window.activeTextEditor?.document.uri.toString() === expected.toString();
    });
    assert.match(vscode.window.activeTextEditor!.document.getText(), /^POSTGRES_PASSWORD=/);
    await screenshot('11-link-opened-env');
  });

  it('Format Document re-indents a badly indented file and keeps every comment', async function () {
    const editor = await openFixture('editor/format/compose.yaml');
    touched.push(editor.document);
    const before = editor.document.getText();
    assert.notEqual(before, FORMATTED, 'the fixture needs formatting');
    const options: vscode.FormattingOptions = { tabSize: 2, insertSpaces: true };
    const edits = await waitFor('formatting edits', async () => {
      const found = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', editor.document.uri, options);
      return found && found.length > 0 ? found : undefined;
    });
    assert.ok(edits.length > 0);

    // Format Document (Shift+Alt+F) as a user runs it, with the editor's indentation set to two spaces.
    editor.options = options;
    await vscode.commands.executeCommand('editor.action.formatDocument');
    const after = await waitFor('the formatted text', () => editor.document.getText() !== before && editor.document.getText());
    assert.equal(after, FORMATTED);
    assert.deepEqual(commentsOf(after), commentsOf(before), 'every comment, in order');
    await screenshot('11-formatted');
  });

  it('folds the comment block, the services section and each service', async function () {
    const editor = await openFixture('editor/links/compose.yaml');
    const line = (needle: string) => rangeOf(editor.document, needle).start.line;
    const ranges = await waitFor('folding ranges', async () => {
      const found = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    const has = (start: number, end: number, kind?: vscode.FoldingRangeKind) => ranges.some((range) => range.start === start && range.end === end && range.kind === kind);
    const last = editor.document.lineCount - 2; // the line before the final line break
    // VS Code's indentation fallback never marks a comment block: this range comes from Shipshape.
    assert.ok(has(0, 1, vscode.FoldingRangeKind.Comment), JSON.stringify(ranges));
    assert.ok(has(line('services:'), last), `services: ${JSON.stringify(ranges)}`);
    assert.ok(has(line('web:'), line('- "8080:80"')), `web: ${JSON.stringify(ranges)}`);
    assert.ok(has(line('db:'), last), `db: ${JSON.stringify(ranges)}`);

    // The editor folds the service: its body leaves the visible ranges.
    editor.selection = new vscode.Selection(line('web:'), 2, line('web:'), 2);
    await vscode.commands.executeCommand('editor.fold');
    const hidden = line('env_file');
    await waitFor('web folded', () => editor.visibleRanges.every((range) => !range.contains(new vscode.Position(hidden, 0))));
    await screenshot('11-folded-web');
  });

  it('shows the default of ${TAG:-1.2} inline', async function () {
    const editor = await openFixture('editor/links/compose.yaml');
    const variable = rangeOf(editor.document, '${TAG:-1.2}');
    const lineRange = editor.document.lineAt(variable.start.line).range;
    const hints = await waitFor('an inlay hint', async () => {
      const found = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, lineRange);
      return found && found.length > 0 ? found : undefined;
    });
    const label = (hint: vscode.InlayHint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));
    const hint = hints.find((candidate) => candidate.position.isEqual(variable.end));
    assert.ok(hint, `a hint after the variable among ${JSON.stringify(hints)}`);
    assert.match(label(hint), /\b1\.2\b/);
    if (!hasUi) return;
    // Rendered into the line, right after the variable.
    const drawn = /\$\{TAG:-1\.2\}\W{0,2}= 1\.2"/;
    const rendered = await waitFor('the hint drawn in the editor', async () => (await renderedLines()).find((text) => drawn.test(text)));
    assert.match(rendered, drawn);
    await screenshot('11-inlay-hint');
  });

  it("fixes imag: to image: and the error goes", async function () {
    const editor = await openFixture('editor/typo/compose.yaml');
    touched.push(editor.document);
    const uri = editor.document.uri;
    const isTypo = (d: vscode.Diagnostic) => diagnosticCode(d) === 'schema-unknown-property';
    const [typo] = (await waitForDiagnostics(uri, 'the unknown key', (found) => found.some(isTypo))).filter(isTypo);
    assert.ok(typo);
    assert.equal(editor.document.getText(typo.range), 'imag');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, typo.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.isPreferred && /'image'/.test(action.title));
    assert.ok(fix?.edit, `a preferred fix to 'image' among: ${actions.map((a) => a.title).join('; ')}`);
    if (hasUi) {
      editor.selection = new vscode.Selection(typo.range.start, typo.range.start);
      await vscode.commands.executeCommand('editor.action.quickFix');
      await waitFor('the quick-fix menu', async () => (await texts('.action-widget')).some((text) => text.includes(fix.title)));
      await screenshot('11-quick-fix-imag');
      await vscode.commands.executeCommand('hideCodeActionWidget');
    }
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.lineAt(typo.range.start.line).text, /^ {4}image: nginx:1\.27$/);
    await waitForDiagnostics(uri, 'the unknown key to disappear', (found) => !found.some(isTypo));
  });
});
