/** Docker documentation pages behind the port rules (the finding's `docUrl`). */
import { composeFileDoc } from '../../facts/composeFileDocs';
export const DOCS = {
  ports: composeFileDoc('services', 'ports'),
  publishing: 'https://docs.docker.com/engine/network/port-publishing/',
  ingress: 'https://docs.docker.com/engine/swarm/ingress/',
  hostNetwork: 'https://docs.docker.com/engine/network/drivers/host/',
  networkMode: composeFileDoc('services', 'network_mode'),
  swarmPorts: 'https://docs.docker.com/engine/swarm/swarm-tutorial/#open-protocols-and-ports-between-the-hosts',
  updateConfig: composeFileDoc('deploy', 'update_config'),
  internal: composeFileDoc('networks', 'internal'),
} as const;
