/**
 * Rules the loaders enforce while reading the file. Each fixture is our own, written after the upstream
 * test named in its comment (docker/cli cli/compose/loader/loader_test.go, compose-spec/compose-go
 * loader/*_test.go and validation/*_test.go); no upstream file is copied.
 */
import { checkFix } from '../../support/fixes';
import { checkFindings } from '../../support/service';

const stack = { mode: 'stack' as const };

describe('rules the loaders enforce', () => {
  // compose-go loader_test.go TestLoadBindMountSourceMustNotBeEmpty; docker/cli loader_test.go TestLoadBindMountSourceMustNotBeEmpty.
  it('bind-source-missing; a bind with a source and a named volume pass', () => {
    const text = 'services:\n  a:\n    image: x\n    volumes:\n      - type: ⟦bind⟧\n        target: /app\n      - type: bind\n        source: ./src\n        target: /src\n      - type: volume\n        target: /data\n';
    checkFindings(text, ['bind-source-missing']);
    checkFindings(text, ['bind-source-missing'], stack);
    // docker/cli also refuses an empty source.
    checkFindings('services:\n  a:\n    image: x\n    volumes:\n      - type: bind\n        source: ⟦""⟧\n        target: /app\n', ['bind-source-missing'], stack);
  });

  // compose-go loader/validate.go checkConsistency ("target is required for non-rebuild actions"); validate_test.go TestValidateWatch.
  it('watch-target-missing for sync actions; rebuild and restart need no target', () => {
    checkFindings('services:\n  a:\n    build: .\n    develop:\n      watch:\n        - path: ./src\n          action: ⟦sync⟧\n        - path: ./pkg\n          action: ⟦sync+restart⟧\n        - path: package.json\n          action: rebuild\n        - path: conf\n          action: restart\n        - path: ./web\n          action: sync\n          target: /app/web\n', ['watch-target-missing']);
  });

  // compose-go loader/tests/environment_test.go TestEnvironmentWhitespace.
  it('environment-key-space in list form, with a fix; a space in the value and the map form pass', () => {
    checkFindings('services:\n  a:\n    image: x\n    environment:\n      - ⟦DEBUG = true⟧\n      - NAME=hello world\n  b:\n    image: x\n    environment:\n      DEBUG: "true"\n', ['environment-key-space']);
    checkFix('services:\n  a:\n    image: x\n    environment:\n      - DEB<|>UG = true\n', 'environment-key-space', 'services:\n  a:\n    image: x\n    environment:\n      - DEBUG=true\n');
  });

  // compose-go types/device.go DeviceCount.UnmarshalYAML; loader_test.go TestLoadDeviceMapping-style count cases.
  it('device-count-invalid unless a number or all (any case)', () => {
    checkFindings('services:\n  a:\n    image: x\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - capabilities: [gpu]\n              count: ⟦two⟧\n            - capabilities: [gpu]\n              count: ALL\n            - capabilities: [gpu]\n              count: 2\n            - capabilities: [gpu]\n              count: "1"\n', ['device-count-invalid']);
  });

  // swarmkit manager/controlapi/service.go validateResources.
  it('stack-resource-below-minimum for cpus under 0.001 and memory under 4 MiB; zero and Compose pass', () => {
    const text = 'services:\n  a:\n    image: x\n    deploy:\n      resources:\n        limits:\n          cpus: ⟦"0.0001"⟧\n          memory: ⟦1M⟧\n        reservations:\n          cpus: "0.001"\n          memory: 4M\n  b:\n    image: x\n    deploy:\n      resources:\n        limits:\n          cpus: "0"\n          memory: "0"\n';
    checkFindings(text, ['stack-resource-below-minimum'], stack);
    checkFindings(text.replace(/⟦|⟧/g, ''), ['stack-resource-below-minimum']);
  });

  // swarmkit validateSecretRefsSpec / validateConfigRefsSpec ("have a conflicting target").
  it('stack-file-target-conflict for secrets and configs; different targets pass', () => {
    checkFindings('services:\n  a:\n    image: x\n    secrets:\n      - key\n      - source: other\n        target: ⟦key⟧\n      - source: third\n        target: third.pem\n    configs:\n      - source: c1\n        target: /etc/app.conf\n      - source: c2\n        target: ⟦/etc/app.conf⟧\nsecrets:\n  key: {file: ./k}\n  other: {file: ./o}\n  third: {file: ./t}\nconfigs:\n  c1: {file: ./c1}\n  c2: {file: ./c2}\n', ['stack-file-target-conflict'], stack);
  });

  // compose-go loader_test.go TestDuplicateVolume-style cases and override/uncity.go: the later volume wins.
  it('duplicate-mount-target is a warning naming the dropped mount in Compose, an error in stacks and for tmpfs', () => {
    const text = 'services:\n  a:\n    image: x\n    volumes:\n      - ⟦data:/data⟧\n      - ⟦./other:/data⟧\n';
    checkFindings(text, ['duplicate-mount-target'], {
      messages: [
        "Service 'a': Compose keeps only the later mount on /data (line 6) and silently drops this one.",
        "Service 'a': This mount replaces the earlier one on /data (line 5), which Compose silently drops.",
      ],
    });
    const findings = checkFindings(text, ['duplicate-mount-target'], stack);
    if (findings.some((f) => f.severity !== 'error')) throw new Error('stack duplicates must stay errors');
    const tmpfs = checkFindings('services:\n  a:\n    image: x\n    volumes: [⟦/cache⟧]\n    tmpfs: [⟦/cache⟧]\n', ['duplicate-mount-target']);
    if (tmpfs.some((f) => f.severity !== 'error')) throw new Error('a volume and a tmpfs on one path stay errors');
  });
});

describe('file objects and external resources as the loaders read them', () => {
  // compose-go validation/validation.go checkFileObject ("attributes are mutually exclusive"); validation_test.go.
  it('file-object-sources-exclusive; one source passes', () => {
    checkFindings('configs:\n  a:\n    file: ./a\n    ⟦content⟧: x\n  b:\n    content: y\nsecrets:\n  s:\n    file: ./s\n    ⟦environment⟧: S\n', ['file-object-sources-exclusive']);
  });

  // compose-go transform/external.go ("name and external.name conflict"); docker/cli loader_test.go TestLoadExternalVolumeNameAndName-style cases.
  it('external-name-conflict: Compose when the names differ, stacks always', () => {
    const text = 'volumes:\n  v:\n    external:\n      name: a\n    ⟦name⟧: b\n  w:\n    external:\n      name: same\n    name: same\nnetworks:\n  n:\n    external:\n      name: x\n    ⟦name⟧: y\n';
    checkFindings(text, ['external-name-conflict']);
    checkFindings('volumes:\n  w:\n    external:\n      name: same\n    ⟦name⟧: same\n', ['external-name-conflict'], stack);
  });

  // compose-go validation/external.go checkExternal; docker/cli loader.go LoadVolumes (driver, driver_opts, labels).
  it('external-volume-extra-keys, with removal as the fix; name and extensions pass', () => {
    checkFindings('volumes:\n  v:\n    external: true\n    ⟦driver⟧: local\n    name: data\n    x-note: kept\n', ['external-volume-extra-keys']);
    checkFindings('volumes:\n  v:\n    external: true\n    ⟦driver_opts⟧: {type: nfs}\n    name: data\n', ['external-volume-extra-keys'], stack);
    checkFix('volumes:\n  v:\n    external: true\n    dri<|>ver: local\n', 'external-volume-extra-keys', 'volumes:\n  v:\n    external: true\n');
  });

  // docker/compose pkg/compose/create.go buildContainerSecretMounts ("unsupported external secret", "does not support secrets.*.driver").
  it('secret-unsupported-by-compose on used secrets only, and no "has no content" beside it', () => {
    checkFindings('services:\n  a:\n    image: x\n    secrets: [ext, drv]\nsecrets:\n  ext:\n    ⟦external⟧: true\n  drv:\n    ⟦driver⟧: vault\n  unused:\n    external: true\n', ['secret-unsupported-by-compose', 'secret-source-missing']);
  });

  it('a stack secret with environment or content gets the unsupported-key finding, not "has no content"', () => {
    checkFindings('secrets:\n  s:\n    environment: S\nconfigs:\n  c:\n    content: x\n', ['secret-source-missing', 'config-source-missing'], stack);
  });
});
