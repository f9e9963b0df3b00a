/**
 * Every rule Shipshape reports, by its stable code: the default severity and one or two sentences on
 * what it catches and why it matters. docs/rules.md is generated from this list (`npm run docs:rules`),
 * SARIF's `tool.driver.rules` and each finding's `codeDescription` link to the rule's section there, and
 * a test fails when an analysis reports a code that has no entry here. Severities are the usual ones; a
 * rule may report a lesser severity where the same mistake is less certain (e.g. `port-conflict`
 * between services that never run together).
 */
import type { Severity } from '../types';

export interface RuleInfo {
  readonly code: string;
  readonly severity: Severity;
  /** What the rule catches and why it matters, in one or two sentences. */
  readonly summary: string;
  readonly group: RuleGroup;
}

export type RuleGroup = 'YAML and schema' | 'Ports' | 'Networks and addresses' | 'References' | 'Services' | 'Swarm stacks' | 'Variables and env files' | 'Projects of several files' | 'Configuration';

const rules: RuleInfo[] = [];
function group(name: RuleGroup, entries: readonly [code: string, severity: Severity, summary: string][]): void {
  for (const [code, severity, summary] of entries) rules.push({ code, severity, summary, group: name });
}

group('YAML and schema', [
  ['yaml-syntax', 'error', 'The file is not valid YAML; Compose stops at the first such error.'],
  ['yaml-alias-limit', 'error', 'Aliases expand to too many nodes (a "billion laughs" structure); the expansion is stopped so the file cannot exhaust memory.'],
  ['too-many-findings', 'warning', 'A file with more than 1,000 findings: the rest are counted in one finding, so a broken or generated file cannot flood the editor or CI; its severity is the worst among them.'],
  ['yaml-too-large', 'error', 'The file is larger than Shipshape checks; Compose files are never that big, so it is probably not one.'],
  ['yaml-merge-invalid', 'error', 'A merge key (<<) whose value is not a mapping or a list of mappings; go-yaml, which Compose and docker stack deploy use, refuses the file.'],
  ['yaml-key-too-long', 'error', "An implicit key whose ':' comes more than 1,024 characters after its start; docker stack deploy and Docker Compose before 5.1 refuse the file (a warning in Compose files, as Compose 5.1 accepts it)."],
  ['key-not-string', 'error', 'A mapping key YAML reads as a number, boolean, null or date (`1:`, `true:`); Compose and docker stack deploy accept only string keys.'],
  ['duplicate-key', 'error', 'A mapping defines the same key twice; Compose (go-yaml) rejects the file.'],
  ['schema-unknown-property', 'error', 'A key the Compose Specification (or, in stack files, the Compose file format 3.13) does not define, usually a typo; Compose refuses the file.'],
  ['schema-missing-property', 'error', 'A key the schema requires is missing.'],
  ['schema-invalid-type', 'error', 'A value has the wrong type (a list where a mapping is expected, a string where a number is).'],
  ['schema-invalid-value', 'error', 'A value is not one the schema allows (not in its list of choices, or out of its range or pattern).'],
  ['schema-invalid-name', 'error', 'A service, network or other element name has characters Compose does not accept.'],
  ['schema-duplicate-item', 'error', 'A list that must hold unique items repeats one.'],
  ['schema-invalid', 'error', 'The value breaks another rule of the schema.'],
  ['version-obsolete', 'information', "The top-level 'version' is obsolete: Compose ignores it and warns."],
  ['external-name-deprecated', 'information', "'external.name' is deprecated; 'external: true' with 'name' says the same."],
  ['links-deprecated', 'information', "'links' is a legacy option: services on a shared network reach each other by name already."],
  ['duration-invalid', 'error', 'A duration without a unit or in an unknown format; Compose refuses it.'],
  ['byte-value-invalid', 'error', 'A byte size Compose cannot read (units are b, k, m, g).'],
]);

group('Ports', [
  ['port-invalid', 'error', 'A port mapping Compose cannot parse (unknown protocol, stray characters).'],
  ['port-out-of-range', 'error', 'A port outside 1-65535.'],
  ['port-container-zero', 'error', 'Container port 0 is not a port a process can listen on.'],
  ['port-range-reversed', 'error', 'A port range that ends before it starts.'],
  ['port-range-mismatch', 'error', 'Host and container ranges of different lengths.'],
  ['port-conflict', 'error', 'Two services publish the same host port on overlapping addresses; the second container fails to start ("port is already allocated").'],
  ['port-conflict-profiles', 'information', 'A host-port conflict between services that run together only when certain profiles are enabled.'],
  ['port-conflict-replicas', 'error', 'Several replicas of a service bind one host port; only one of them can start.'],
  ['port-duplicate-in-service', 'error', 'One service publishes the same host port twice.'],
  ['port-base60', 'warning', 'An unquoted HOST:CONTAINER with numbers below 60 that YAML 1.1 tools read as a base-60 number.'],
  ['port-unquoted', 'information', 'An unquoted port mapping; the Compose specification recommends quoting HOST:CONTAINER values.'],
  ['port-ipv6-unbracketed', 'information', 'An IPv6 host address without brackets, which makes the host port hard to read.'],
  ['port-mode-ignored', 'information', "docker compose ignores 'mode: host' on a port: every Compose port is a host binding already."],
  ['port-swarm-reserved', 'error', "A host port Docker Swarm uses itself (2377, 7946, 4789); publishing it clashes with Swarm."],
  ['ports-on-internal-network', 'warning', 'Ports published by a service whose only networks are internal: nothing outside can reach them.'],
  ['ports-with-host-network', 'warning', "With network_mode: host Docker discards published ports; the service listens on the host's ports directly."],
  ['ports-with-shared-netns', 'error', "A service that shares another's network namespace cannot publish ports; Docker refuses it."],
  ['host-mode-port-replicas', 'warning', 'More replicas with a host-mode port than a node can run; the extra tasks stay pending.'],
  ['start-first-host-port', 'warning', 'update_config.order: start-first with a host-mode port: the new task cannot bind the port the old one holds.'],
  ['dnsrr-ingress-ports', 'error', 'Swarm refuses endpoint_mode: dnsrr with ports published in ingress mode.'],
]);

group('Networks and addresses', [
  ['subnet-invalid', 'error', 'A subnet that is not valid CIDR notation.'],
  ['subnet-host-bits', 'error', 'A subnet with host bits set; Docker refuses it.'],
  ['subnet-overlap', 'error', 'Two networks of the file with overlapping subnets; Docker refuses to create the second ("Pool overlaps").'],
  ['subnet-overlap-cross-scope', 'warning', 'A swarm-scope and a local-scope network with overlapping subnets: nodes get two routes for the same addresses.'],
  ['subnet-overlaps-default-bridge', 'warning', "A subnet overlapping Docker's default bridge (docker0, 172.17.0.0/16)."],
  ['subnet-overlaps-default-pool', 'information', "A subnet inside Docker's default address pools, which networks without a subnet are given; creation fails if one holds it."],
  ['subnet-overlaps-gwbridge', 'information', 'A subnet overlapping where swarm nodes usually create docker_gwbridge.'],
  ['subnet-overlaps-ingress', 'warning', "A subnet overlapping the swarm's default ingress network (10.0.0.0/24)."],
  ['subnet-overlaps-swarm-pool', 'warning', 'A local network inside the swarm address pool from which overlay networks get their subnets.'],
  ['subnet-not-private', 'information', 'A subnet outside the private ranges: containers cannot reach the real hosts that own these addresses.'],
  ['overlay-subnet-too-large', 'information', 'An overlay subnet larger than the /24 Docker recommends.'],
  ['ipv6-subnet-without-enable-ipv6', 'information', "An IPv6 subnet on a network without 'enable_ipv6: true', which older engines ignore."],
  ['ipam-family-mismatch', 'error', 'A gateway, range or address of one IP family in a subnet of the other.'],
  ['ip-invalid', 'error', 'A value that should be an IP address and is not.'],
  ['ip-outside-subnet', 'error', "A static address outside its network's subnet; the container fails to start."],
  ['ip-reserved', 'error', 'A static address Docker reserves (network, broadcast or gateway address).'],
  ['ip-duplicate', 'error', 'Two containers with the same static address on one network; the second fails ("Address already in use").'],
  ['ip-range-outside-subnet', 'error', 'An ip_range not inside its subnet.'],
  ['gateway-outside-subnet', 'error', 'A gateway not inside its subnet.'],
  ['gateway-reserved-address', 'error', 'A gateway on the network or broadcast address of its subnet.'],
  ['aux-address-outside-subnet', 'error', 'An auxiliary address not inside its subnet.'],
  ['aux-address-duplicate', 'warning', 'An auxiliary address already reserved for something else.'],
  ['static-ip-without-subnet', 'error', 'A static address on a network with no configured subnet; Docker only accepts them on such networks.'],
  ['static-ip-with-replicas', 'error', 'Several replicas asking for the same static address; only one can start.'],
  ['alias-shared', 'information', 'A network alias used by several services; the name resolves to all of them in turn.'],
  ['network-mode-conflict', 'error', 'network_mode together with networks; Compose rejects the file.'],
  ['host-none-network-combination', 'error', "The 'host' or 'none' network together with other networks; a container cannot be in both."],
  ['shared-netns-option', 'warning', "An option Docker refuses on a container that shares another's network namespace (hostname, dns, ...)."],
  ['shared-netns-option-ignored', 'warning', "A network option without effect on a container that shares another's network namespace: the owner's settings apply."],
  ['links-with-host-network', 'error', "links on a service with network_mode: host; Docker refuses it."],
  ['links-cross-network', 'error', 'A link from a container on the default bridge to one that is not on it; Docker refuses it.'],
  ['driver-host-null-none', 'error', "A network declared with the host or null (none) driver; Docker has one such network and refuses to create another."],
  ['ipv6-address-without-enable-ipv6', 'error', "An ipv6_address on a network without 'enable_ipv6: true', which then has no IPv6 addresses."],
  ['subnet-size-request', 'information', 'A subnet written as a size (/N) only, which only Docker Engine 29.0 and later read as a request for any free block.'],
  ['driver-unknown', 'information', 'A network driver not built into Docker: its plugin must be installed on every host.'],
  ['driver-opt-unknown', 'information', 'A driver option the driver does not know and ignores.'],
  ['bridge-name-too-long', 'error', 'A bridge interface name longer than Linux allows (15 characters).'],
  ['macvlan-missing-parent', 'warning', "A macvlan network without 'driver_opts.parent': it uses a dummy interface and cannot reach the LAN."],
  ['macvlan-missing-subnet', 'information', "A macvlan or ipvlan network without a subnet: containers get addresses from Docker's pools, not the LAN's."],
  ['overlay-not-attachable', 'warning', "An overlay network docker compose containers cannot join without 'attachable: true'."],
  ['overlay-requires-swarm', 'warning', 'An overlay network docker compose can create only when the engine is a swarm manager.'],
  ['external-network-extra-keys', 'warning', 'Settings on an external network have no effect: it is looked up by name, not created.'],
  ['network-unused', 'information', 'A declared network no service uses.'],
]);

group('References', [
  ['network-undefined', 'error', 'A service names a network the file does not declare.'],
  ['volume-undefined', 'error', 'A service names a volume the file does not declare.'],
  ['secret-undefined', 'error', 'A service names a secret the file does not declare.'],
  ['config-undefined', 'error', 'A service names a config the file does not declare.'],
  ['depends-on-undefined', 'warning', 'depends_on names a service that is not in the file.'],
  ['links-undefined', 'error', 'links names a service that is not in the file.'],
  ['extends-undefined', 'error', 'extends names a service that is not in the file.'],
  ['network-mode-service-undefined', 'error', 'network_mode: service:x names a service that is not in the file.'],
  ['volumes-from-undefined', 'error', 'volumes_from names a service that is not in the file.'],
  ['ipc-service-undefined', 'error', 'ipc: service:x names a service that is not in the file.'],
  ['pid-service-undefined', 'error', 'pid: service:x names a service that is not in the file.'],
  ['depends-on-cycle', 'error', 'Services that depend on each other in a cycle; Compose cannot order their start.'],
  ['extends-cycle', 'error', 'Services whose extends chain comes back to one of them, in one file or through others; Compose refuses the project ("circular reference").'],
  ['extends-service-missing', 'error', 'extends names a service that the file it names does not have.'],
  ['extends-file-unreadable', 'error', 'extends names a file that cannot be read (missing, refused or too large).'],
  ['depends-on-healthy-no-healthcheck', 'warning', 'A service waits for another to be healthy, but that one has no healthcheck here.'],
  ['profile-dependency-missing', 'warning', 'A service depends on one that starts only with a profile it does not have.'],
]);

group('Services', [
  ['image-or-build-missing', 'information', "A service with neither 'image' nor 'build': it runs only when another file completes it."],
  ['container-name-duplicate', 'error', 'Two services with the same container_name; the second container cannot be created.'],
  ['container-name-with-replicas', 'error', 'A container_name on a service with several replicas; container names are unique.'],
  ['container-name-invalid', 'error', 'A container_name Docker refuses.'],
  ['duplicate-mount-target', 'error', 'Two mounts on the same container path.'],
  ['healthcheck-test-invalid', 'error', "A healthcheck 'test' list that does not start with CMD, CMD-SHELL or NONE."],
  ['restart-invalid', 'error', 'A restart policy Docker does not know.'],
  ['restart-no-unquoted', 'warning', "Unquoted 'no' is the boolean false in YAML 1.1 tools."],
  ['restart-policy-no-condition', 'warning', 'A deploy.restart_policy without a condition: docker compose then never restarts the container.'],
  ['restart-policy-max-attempts-condition', 'error', "max_attempts with a condition other than on-failure; the engine refuses it under docker compose."],
  ['restart-condition-not-swarm', 'error', 'A restart condition Swarm does not have (only docker compose maps it); docker stack deploy fails.'],
  ['resource-mismatch', 'error', 'A service-level resource limit and its deploy.resources twin with different values; docker compose refuses them.'],
  ['scale-replicas-mismatch', 'error', 'scale and deploy.replicas with different values; docker compose refuses them.'],
  ['reservation-exceeds-limit', 'warning', 'A resource reservation above its limit; the engine refuses it.'],
  ['device-count-and-ids', 'error', 'A device request with both count and device_ids; docker compose refuses it.'],
  ['config-source-missing', 'error', "A config with no content: it needs 'file' (or another source) or 'external: true'."],
  ['secret-source-missing', 'error', "A secret with no content: it needs 'file' (or another source) or 'external: true'."],
  ['file-object-sources-exclusive', 'error', "A secret or config that sets more than one of 'file', 'environment' and 'content'; Compose takes exactly one source."],
  ['external-name-conflict', 'error', "Both 'name' and the deprecated 'external.name' on one network, volume, secret or config; the loaders refuse the pair."],
  ['external-volume-extra-keys', 'error', "An external volume that also sets 'driver', 'driver_opts' or 'labels'; it already exists, so both loaders refuse them."],
  ['secret-unsupported-by-compose', 'error', "A secret that docker compose up cannot provide (external, 'driver' or 'template_driver'): only Swarm can."],
  ['bind-source-missing', 'error', 'A bind mount without a source path; Docker refuses the mount.'],
  ['watch-target-missing', 'error', "A develop.watch rule that syncs files but names no 'target' path in the container; docker compose refuses it."],
  ['environment-key-space', 'error', "An environment list entry with a space before '='; docker compose refuses the variable name."],
  ['device-count-invalid', 'error', "A GPU or device reservation count that is neither a number nor 'all'; docker compose refuses it."],
  ['deploy-key-ignored-by-compose', 'information', 'A deploy key docker compose ignores; only docker stack deploy uses it.'],
  ['deploy-invalid-value', 'error', 'A deploy value Swarm does not accept.'],
  ['replicas-negative', 'error', 'A negative deploy.replicas.'],
  ['replicas-with-global', 'error', 'replicas on a global-mode service; Swarm refuses it.'],
  ['max-replicas-per-node-global', 'information', 'max_replicas_per_node on a global service, which runs one task per node anyway.'],
  ['job-with-update-config', 'error', 'An update_config on a job-mode service; Swarm refuses it.'],
  ['rollback-failure-action-rollback', 'warning', "rollback_config.failure_action: rollback acts like 'pause'."],
  ['placement-constraint-invalid', 'error', 'A placement constraint Swarm cannot parse.'],
  ['placement-constraint-unknown-attr', 'error', 'A placement constraint on a node attribute Swarm does not know: no node matches.'],
  ['placement-constraint-contradiction', 'warning', 'Placement constraints that cannot all hold: no node matches and the tasks stay pending.'],
  ['placement-preference-invalid', 'warning', 'A placement preference Swarm skips (it only spreads over node or engine labels).'],
  ['build-target-missing', 'warning', "A 'build.target' that names no stage of the service's Dockerfile; the build stops (\"target stage could not be found\")."],
]);

group('Swarm stacks', [
  ['stack-forbidden-key', 'error', 'A key docker stack deploy refuses ("compose file contains unsupported options").'],
  ['stack-key-needs-version', 'error', "A key that the Compose file format version the file declares does not have yet; docker stack deploy validates with the declared version's schema."],
  ['stack-resource-below-minimum', 'error', 'A CPU or memory limit or reservation below what Swarm accepts (0.001 CPUs, 4 MiB).'],
  ['stack-file-target-conflict', 'error', 'Two secrets or configs of one service mounted on the same target path; Swarm refuses the service.'],
  ['stack-unsupported-key', 'error', 'A key the Compose file format 3.13 that docker stack deploy reads does not have.'],
  ['stack-ignored-key', 'warning', 'A key docker stack deploy silently drops.'],
  ['stack-deprecated-key', 'information', 'A deprecated key docker stack deploy ignores.'],
  ['mode-contradicted', 'information', "A file checked as Compose (or as a stack) because of its name whose keys only the other tool reads; add a '# shipshape: stack' or '# shipshape: compose' modeline to say how it is deployed."],
  ['modeline-unknown', 'warning', "A '# shipshape:' modeline that names neither 'stack' nor 'compose', so it is ignored."],
  ['stack-build-ignored', 'information', "docker stack deploy ignores 'build': the image must be built and pushed first."],
  ['stack-build-without-image', 'error', "'build' without 'image': docker stack deploy never builds and refuses the service."],
  ['stack-depends-on-ignored', 'information', 'docker stack deploy ignores depends_on: services start in no particular order.'],
  ['stack-depends-on-long-form', 'error', 'The long form of depends_on, which the Compose file format 3.13 refuses.'],
  ['stack-restart-fallback', 'information', "A service-level 'restart' that docker stack deploy reads only as a fallback for deploy.restart_policy."],
  ['stack-restart-no-ignored', 'warning', "'restart: no' in a stack file: docker stack deploy ignores it and Swarm still restarts the tasks."],
  ['stack-cpus-not-string', 'error', 'An unquoted cpus value; stack files need a string.'],
  ['stack-local-driver', 'warning', 'A bridge network created by a stack: it is local to one host, so Swarm services cannot use it.'],
  ['stack-version-unsupported', 'error', 'A version docker stack deploy does not read (it reads Compose file format 3).'],
  ['stack-interpolation-unsupported', 'error', 'A ${VAR...} form docker stack deploy does not support.'],
]);

group('Variables and env files', [
  ['interpolation-invalid', 'error', 'A ${...} that Compose cannot parse ("invalid interpolation format").'],
  ['variable-required', 'error', 'A ${VAR:?message} whose variable is not set; Compose refuses to start.'],
  ['variable-unset', 'warning', 'A variable that is not set and defaults to a blank string.'],
  ['env-file-invalid', 'error', 'A line of an env file Compose cannot read.'],
  ['env-file-unreadable', 'error', 'An env file that cannot be read.'],
  ['env-variable-unused', 'information', 'A variable set in the env file that no value of the Compose file uses.'],
]);

group('Projects of several files', [
  ['project-file-unreadable', 'error', 'A Compose file of the project (COMPOSE_FILE, -f, shipshape.projects) that cannot be read.'],
  ['include-file-unreadable', 'error', 'An included Compose file that cannot be read; Compose stops.'],
  ['include-cycle', 'error', 'Files that include each other; Compose refuses the project.'],
  ['include-remote-skipped', 'information', 'A remote include (git, OCI) that Shipshape does not fetch; the names it declares are not checked.'],
]);

// Reported on Shipshape's own configuration file (.shipshape.yaml, package.json's "shipshape"), not on Compose files.
group('Configuration', [
  ['config-invalid', 'error', 'A value of the configuration file that the schema does not allow (a wrong type, an unknown key, a severity that does not exist); the editor ignores that key, shipshape check stops with exit status 2.'],
  ['config-unknown-rule', 'warning', 'A rule code in the configuration that no rule has, usually a typo; the closest code is named.'],
]);

export const RULES: readonly RuleInfo[] = rules;

const BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));

export function ruleInfo(code: string): RuleInfo | undefined {
  return BY_CODE.get(code);
}

/** Where the published rule reference lives; each rule is a section anchored by its code. */
export const RULES_DOC_URL = 'https://github.com/shipshape/shipshape/blob/main/docs/rules.md';

export function ruleDocUrl(code: string): string {
  return `${RULES_DOC_URL}#${code}`;
}
