/** Tests of Shipshape installed from the packaged .vsix (run in the manifest-only probe extension). */
import { runMocha } from '../support/mocha';

export const run = (): Promise<void> => runMocha(__dirname);
