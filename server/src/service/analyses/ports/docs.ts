/** Docker documentation pages behind the port rules (the finding's `docUrl`). */
export const DOCS = {
  ports: 'https://docs.docker.com/reference/compose-file/services/#ports',
  publishing: 'https://docs.docker.com/engine/network/port-publishing/',
  ingress: 'https://docs.docker.com/engine/swarm/ingress/',
  hostNetwork: 'https://docs.docker.com/engine/network/drivers/host/',
  networkMode: 'https://docs.docker.com/reference/compose-file/services/#network_mode',
  swarmPorts: 'https://docs.docker.com/engine/swarm/swarm-tutorial/#open-protocols-and-ports-between-the-hosts',
  updateConfig: 'https://docs.docker.com/reference/compose-file/deploy/#update_config',
  internal: 'https://docs.docker.com/reference/compose-file/networks/#internal',
} as const;
