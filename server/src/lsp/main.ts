/** Entry point of `shipshape-language-server`: `--stdio`, `--node-ipc` or `--socket=N`, as LSP clients pass. */
import { createConnection, InitializeRequest, Message, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type ConnectionOptions, type InitializeParams } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { INITIALIZE_RESULT } from './capabilities';
import type * as Core from './core';
import { FramingGuard } from './framing';
import { SERVER_USAGE, serverCommand } from './transport';

/**
 * Over stdio the input passes a framing guard first: malformed framing ends the server at once with
 * one line on stderr, as does the end of its input (issue 19 item 6).
 */
function stdioConnection(options: ConnectionOptions) {
  const refuse = (reason: string): never => {
    process.stderr.write(`shipshape-language-server: ${reason} on standard input; exiting.\n`);
    process.exit(1);
  };
  const input = process.stdin.pipe(new FramingGuard(refuse));
  process.stdin.on('end', () => process.exit(0));
  return createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(process.stdout), options);
}

/**
 * Answers `initialize` from capabilities.ts alone, and loads the handlers and the language service (core.ts,
 * most of the server's code) when the first other message arrives, before that message is dispatched: every
 * handler is in place by the time a message reaches it, and initialize answers without compiling or running
 * the core (issue 18).
 */
function serve(faultyMethods: ReadonlySet<string> | undefined) {
  let params: InitializeParams | undefined;
  let server: ReturnType<typeof Core.startServer> | undefined;
  const start = () => {
    // A plain require, which the build leaves to run time: the core is a file of its own (scripts/build.mjs).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const core = require('./core') as typeof Core;
    server = core.startServer(connection, { schemas: core.VENDORED_SCHEMAS, ...(faultyMethods ? { faultyMethods } : {}) });
    if (params) server.initialize(params);
  };
  const messageStrategy = {
    handleMessage(message: Message, next: (message: Message) => void) {
      if (!server && !(Message.isRequest(message) && message.method === InitializeRequest.method)) start();
      next(message);
    },
  };
  const connection = process.argv.includes('--stdio') ? stdioConnection({ messageStrategy }) : createConnection(ProposedFeatures.all, { messageStrategy });
  connection.onInitialize((received) => {
    params = received;
    server?.initialize(received);
    return INITIALIZE_RESULT;
  });
  connection.listen();
}

const command = serverCommand(process.argv.slice(2));
if (command.kind === 'version') process.stdout.write(`${version}\n`);
else if (command.kind === 'help') process.stdout.write(SERVER_USAGE);
else if (command.kind === 'no-transport') {
  process.stderr.write('shipshape-language-server: choose a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME (--help for more)\n');
  process.exitCode = 2;
} else {
  const faults = process.env['SHIPSHAPE_FAULTY_METHODS'];
  serve(faults ? new Set(faults.split(',')) : undefined);
}
