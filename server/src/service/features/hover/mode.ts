/** Hover on the `# shipshape: stack|compose` modeline: which mode the file is checked in, and why. */
import type { Modeline } from '../../mode/modeline';
import type { ComposeDocument } from '../../parse/model';

const README = 'https://github.com/shipshape/shipshape#stack-files-and-compose-files';

export function modelineHover(doc: ComposeDocument, modeline: Modeline): string {
  const lines = ['**Shipshape modeline**'];
  if (!modeline.mode) lines.push(`\`${modeline.value}\` names no mode, so this line is ignored: write \`stack\` (checked as for \`docker stack deploy\`) or \`compose\` (checked as for \`docker compose\`).`);
  else if (doc.modeSource === 'setting') lines.push(`A \`shipshape.stackFilePatterns\` setting matches this file, and a setting is stronger than the modeline: it is checked as a stack file.`);
  else lines.push(`This file is checked as ${modeline.mode === 'stack' ? 'a stack file, as `docker stack deploy` reads it' : 'a Compose file, as `docker compose` reads it'}. The modeline wins over the file name and the content; \`# shipshape: ${modeline.mode === 'stack' ? 'compose' : 'stack'}\` checks it the other way.`);
  lines.push(`[How Shipshape tells stack and Compose files apart](${README})`);
  return lines.join('\n\n');
}
