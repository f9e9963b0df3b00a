/** Entry point of `shipshape-language-server`: `--stdio`, `--node-ipc` or `--socket=N`, as LSP clients pass. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { VENDORED_SCHEMAS } from '../schemas/index';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
const faults = process.env['SHIPSHAPE_FAULTY_METHODS'];
startServer(connection, { schemas: VENDORED_SCHEMAS, ...(faults ? { faultyMethods: new Set(faults.split(',')) } : {}) });
