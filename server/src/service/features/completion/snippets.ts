/**
 * Block snippets for the structures people write most: a service, a network with an IPAM subnet, a deploy
 * block with restart and update policies, a healthcheck, and port entries. Indentation is relative to
 * the first line; the client re-indents the following lines to the cursor's line.
 */
import { defaultDriver } from '../../facts/networkDrivers';
import type { ComposeDocument } from '../../parse/model';
import type { ComposeMode, Span } from '../../types';
import { snippetText, type CompletionItem } from './item';

function snippet(label: string, detail: string, lines: readonly string[], span: Span, documentation?: string): CompletionItem {
  return { label, kind: 'snippet', detail, insertText: lines.join('\n'), snippet: true, span, sortText: `~${label}`, ...(documentation ? { documentation } : {}) };
}

/** A new service under `services:`. */
export function serviceSnippet(doc: ComposeDocument, span: Span): CompletionItem {
  const network = snippetText([...doc.model.networks.keys()][0] ?? 'default');
  return snippet('service', 'New service with image, ports and networks', [
    '${1:web}:',
    '  image: ${2:nginx:alpine}',
    '  ports:',
    '    - "${3:8080}:${4:80}"',
    '  networks:',
    `    - \${5:${network}}`,
    '$0',
  ], span);
}

/** A new network under `networks:`; `subnet` is the suggested address block. */
export function networkSnippet(doc: ComposeDocument, span: Span, subnet: string): CompletionItem {
  return snippet('network with subnet', 'New network with a driver and an IPAM subnet', [
    '${1:back}:',
    `  driver: \${2:${defaultDriver(doc.mode)}}`,
    '  ipam:',
    '    config:',
    `      - subnet: \${3:${subnet}}`,
    '$0',
  ], span, 'Pick a subnet that overlaps no other network on the hosts (Docker refuses overlapping pools).');
}

/**
 * Snippets offered among a service's keys. Compose gets `on-failure` only: there `max_attempts` with `any`
 * or `none` makes the engine refuse the container ("maximum retry count can only be used with
 * 'on-failure'", moby api/types/container/hostconfig.go ValidateRestartPolicy; docker/compose create.go
 * getRestartPolicy). Swarm accepts `max_attempts` with every condition.
 */
export function serviceKeySnippets(span: Span, mode: ComposeMode): CompletionItem[] {
  const condition = mode === 'stack' ? '${2|on-failure,any,none|}' : '${2:on-failure}';
  return [
    snippet('deploy (restart + rolling update)', 'deploy block with restart_policy and update_config', [
      'deploy:',
      '  replicas: ${1:2}',
      '  restart_policy:',
      `    condition: ${condition}`,
      '    max_attempts: ${3:3}',
      '  update_config:',
      '    parallelism: ${4:1}',
      '    delay: ${5:10s}',
      '    order: ${6|stop-first,start-first|}',
      '    failure_action: ${7|rollback,pause,continue|}',
      '$0',
    ], span),
    snippet('healthcheck', 'healthcheck block', [
      'healthcheck:',
      '  test: ["CMD-SHELL", "${1:curl -f http://localhost/ || exit 1}"]',
      '  interval: ${2:30s}',
      '  timeout: ${3:5s}',
      '  retries: ${4:3}',
      '  start_period: ${5:10s}',
      '$0',
    ], span),
  ];
}

/**
 * Port entries; `published` is the suggested host port. Swarm publishes on every address, so stacks get no
 * loopback entry; `mode` (ingress or host) exists only for Swarm, so Compose gets no `mode` line.
 */
export function portSnippets(span: Span, prefix: string, published: string, mode: ComposeMode): CompletionItem[] {
  return [
    snippet(`"${published}:80"`, 'Publish a container port on every host address', [`${prefix}"\${1:${published}}:\${2:80}"`], span),
    ...(mode === 'compose' ? [snippet(`"127.0.0.1:${published}:80"`, 'Publish on this machine only (loopback)', [`${prefix}"127.0.0.1:\${1:${published}}:\${2:80}"`], span)] : []),
    snippet('target/published (long syntax)', mode === 'stack' ? 'Long syntax with protocol and mode' : 'Long syntax with protocol', [
      `${prefix}target: \${1:80}`,
      `${' '.repeat(prefix.length)}published: \${2:${published}}`,
      `${' '.repeat(prefix.length)}protocol: \${3|tcp,udp|}`,
      ...(mode === 'stack' ? [`${' '.repeat(prefix.length)}mode: \${4|ingress,host|}`] : []),
    ], span),
  ];
}
