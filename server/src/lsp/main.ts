/** Entry point of `shipshape-language-server`: `--stdio`, `--node-ipc` or `--socket=N`, as LSP clients pass. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import schema from '../../../schemas/compose-spec.json';
import stackSchema from '../../../schemas/stack-v3.13.json';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
const faults = process.env['SHIPSHAPE_FAULTY_METHODS'];
startServer(connection, { schema, stackSchema, ...(faults ? { faultyMethods: new Set(faults.split(',')) } : {}) });
