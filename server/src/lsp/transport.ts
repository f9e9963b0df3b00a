/**
 * The server's own command line, read before any connection exists: `--version` and `--help` print and
 * exit, and a missing transport is one line of usage rather than vscode-languageserver's stack trace.
 */
export const SERVER_USAGE = `Usage: shipshape-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The Shipshape language server for Docker Compose and Swarm stack files. LSP clients start it with one
transport: --stdio (standard input and output), --node-ipc (a Node.js IPC channel, as VS Code does),
--socket=PORT or --pipe=NAME.

Options:
  -h, --help       show this help
  -v, --version    show the version
`;

export type ServerCommand = { readonly kind: 'help' | 'version' | 'serve' } | { readonly kind: 'no-transport' };

export function serverCommand(argv: readonly string[]): ServerCommand {
  if (argv.includes('--version') || argv.includes('-v')) return { kind: 'version' };
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  // The forms vscode-languageserver's createConnection reads from process.argv.
  const transport = argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || /^--(socket|pipe)=./.test(arg));
  return { kind: transport ? 'serve' : 'no-transport' };
}
