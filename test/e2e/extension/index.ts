/** Tests of the extension under development (the built dist/ of this checkout). */
import { runMocha } from '../support/mocha';

export const run = (): Promise<void> => runMocha(__dirname);
