/** Entry point of `shipshape-language-server`: `--stdio`, `--node-ipc` or `--socket=N`, as LSP clients pass. */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { VENDORED_SCHEMAS } from '../schemas/index';
import { FramingGuard } from './framing';
import { startServer } from './server';
import { SERVER_USAGE, serverCommand } from './transport';

/**
 * Over stdio the input passes a framing guard first: malformed framing ends the server at once with
 * one line on stderr, as does the end of its input (issue 19 item 6).
 */
function stdioConnection() {
  const refuse = (reason: string): never => {
    process.stderr.write(`shipshape-language-server: ${reason} on standard input; exiting.\n`);
    process.exit(1);
  };
  const input = process.stdin.pipe(new FramingGuard(refuse));
  process.stdin.on('end', () => process.exit(0));
  return createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(process.stdout));
}

const command = serverCommand(process.argv.slice(2));
if (command.kind === 'version') process.stdout.write(`${version}\n`);
else if (command.kind === 'help') process.stdout.write(SERVER_USAGE);
else if (command.kind === 'no-transport') {
  process.stderr.write('shipshape-language-server: choose a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME (--help for more)\n');
  process.exitCode = 2;
} else {
  const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  const faults = process.env['SHIPSHAPE_FAULTY_METHODS'];
  startServer(connection, { schemas: VENDORED_SCHEMAS, ...(faults ? { faultyMethods: new Set(faults.split(',')) } : {}) });
}
