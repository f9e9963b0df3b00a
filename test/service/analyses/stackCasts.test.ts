import { checkFindings } from '../../support/service';

const SCHEMA_CODES = ['stack-unsupported-key', 'schema-unknown-property', 'schema-invalid-type', 'schema-invalid', 'schema-invalid-value', 'stack-key-needs-version'];

// docker/cli interpolates, then casts these paths, then validates (cli/compose/loader/interpolate.go,
// loader_test.go TestLoadWithInterpolationCastFull): the oneOf around a cast value holds.
describe('stack files: interpolated values cast as docker/cli casts them', () => {
  it('accepts interpolated integers and booleans inside oneOf branches', () => {
    checkFindings(
      [
        'services:',
        '  web:',
        '    image: x',
        '    ports:',
        '      - target: ${TARGET:-80}',
        '        published: ${PUBLISHED}',
        '    secrets:',
        '      - source: s',
        '        mode: ${MODE:-0440}',
        '    ulimits:',
        '      nproc: ${NPROC:-65535}',
        '      nofile:',
        '        soft: ${SOFT:-20000}',
        '        hard: ${HARD:-40000}',
        '    volumes:',
        '      - type: volume',
        '        source: data',
        '        target: /data',
        '        read_only: ${RO:-true}',
        '        volume:',
        '          nocopy: ${NOCOPY:-yes}',
        '    deploy:',
        '      replicas: ${REPLICAS:-2}',
        '      update_config:',
        '        parallelism: ${PAR:-1}',
        '        max_failure_ratio: ${RATIO:-0.5}',
        'volumes:',
        '  data:',
        '    external: ${EXTERNAL:-false}',
        'secrets:',
        '  s:',
        '    file: ./s',
        '',
      ].join('\n'),
      SCHEMA_CODES,
      { mode: 'stack' },
    );
  });

  it('casts nothing else: an interpolated string stays a string where the schema wants a number', () => {
    // `healthcheck.timeout` is not a cast path, and a literal "80" is not interpolated: both stay strings.
    checkFindings('services:\n  web:\n    image: x\n    ports:\n      - target: ⟦"80"⟧\n', SCHEMA_CODES, { mode: 'stack' });
  });
});
