/**
 * The answer to `initialize`. main.ts gives it before the handlers and the language service are loaded
 * (issue 18), so this module takes nothing from the core but the token legend's two lists; the build
 * keeps the rest of the core out of dist/server.js (scripts/build.mjs).
 */
import { CodeActionKind, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../service/index';

export const INITIALIZE_RESULT: InitializeResult = {
  capabilities: {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
    documentSymbolProvider: true,
    hoverProvider: true,
    // A space answers only after `key: ` or `- `, a colon only right after a key (see features/completion.ts).
    completionProvider: { triggerCharacters: [':', ' ', '/'] },
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
    inlayHintProvider: { resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
    workspaceSymbolProvider: true,
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    // The indices toSemanticTokens (convert.ts) encodes are positions in these lists.
    semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true, range: true },
  },
  serverInfo: { name: 'shipshape-language-server', version: '0.1.0' },
};
