/**
 * The `shipshape.*` settings as the client sent them, checked before use: a client or a hand-edited
 * settings.json can send any shape (`"rules": "off"`, `"stackFilePatterns": "**\/*stack*.yml"`), and
 * trusting it made every request throw (issue 19 item 13). Each wrong key falls back to its default,
 * and one line in the log says which and why (service/config/validate.ts, shared with the configuration file).
 */
import type { ShipshapeSettings } from '../protocol';
import { checkSettings } from '../service/index';

export function readSettings(raw: unknown, log: (line: string) => void): ShipshapeSettings {
  const { value, problems } = checkSettings(raw);
  if (problems.length > 0) {
    const errors = problems.some((problem) => problem.severity === 'error');
    log(`Shipshape settings: ${problems.map((problem) => problem.message).join(' ')}${errors ? ' The default is used for each value in error.' : ''}`);
  }
  return value as ShipshapeSettings;
}
