/** Tests of Shipshape beside a stand-in Red Hat YAML (test/e2e/peers/redhat-yaml): detection, the prompt, the choice. */
import { runMocha } from '../support/mocha';

export const run = (): Promise<void> => runMocha(__dirname);
