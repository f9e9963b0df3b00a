import * as assert from 'node:assert/strict';
import { parseBytes, parseDuration } from '../../../server/src/service/parse/units';
import { checkFindings } from '../../support/service';

describe('durations and byte sizes', () => {
  it('parses durations like Go (stack) and compose-go (compose)', () => {
    for (const valid of ['0', '5s', '1m30s', '1.5h', '.5s', '300ms', '10us', '2µs', '-1s', '1h5m30s20ms']) assert.ok('seconds' in parseDuration(valid, 'stack'), valid);
    assert.deepEqual(parseDuration('1m30s', 'stack'), { seconds: 90 });
    assert.deepEqual(parseDuration('5', 'stack'), { problem: 'missing-unit' });
    assert.deepEqual(parseDuration('1d', 'stack'), { problem: 'unknown-unit', unit: 'd' });
    assert.deepEqual(parseDuration('1d', 'compose'), { seconds: 86400 });
    assert.deepEqual(parseDuration('5 s', 'compose'), { problem: 'unknown-unit', unit: ' s' });
    assert.deepEqual(parseDuration('', 'compose'), { problem: 'invalid' });
    assert.deepEqual(parseDuration('s', 'compose'), { problem: 'invalid' });
  });

  it('parses byte sizes like go-units RAMInBytes', () => {
    assert.equal(parseBytes('1.5 GB', 'stack'), 1.5 * 1024 ** 3);
    assert.equal(parseBytes('512m', 'stack'), 512 * 1024 ** 2);
    assert.equal(parseBytes('1KiB', 'stack'), 1024);
    assert.equal(parseBytes('100', 'stack'), 100);
    assert.equal(parseBytes('-1', 'compose'), -1);
    for (const invalid of ['-1', '1x', '1 gigs', '1gbb', 'g', '1kibb']) assert.equal(parseBytes(invalid, 'stack'), undefined, invalid);
  });

  it('reports bare numbers once, as a missing unit, in both modes', () => {
    const text = 'services:\n  a:\n    image: x\n    stop_grace_period: ⟦10⟧\n    healthcheck: {interval: ⟦30⟧, timeout: 5s}\n    deploy:\n      restart_policy: {delay: ⟦5⟧}\n';
    checkFindings(text, ['duration-invalid', 'schema-invalid-type'], { messages: ["'stop_grace_period' of service 'a' is the number 10: a duration needs a unit, e.g. '10s' (units ns, us, ms, s, m, h, d, w).", "'healthcheck.interval' of service 'a' is the number 30: a duration needs a unit, e.g. '30s' (units ns, us, ms, s, m, h, d, w).", "'deploy.restart_policy.delay' of service 'a' is the number 5: a duration needs a unit, e.g. '5s' (units ns, us, ms, s, m, h, d, w)."] });
    checkFindings(text, ['duration-invalid', 'schema-invalid-type'], { mode: 'stack' });
  });

  it('reports strings Docker cannot parse, with the rules of each target', () => {
    checkFindings('services:\n  a:\n    image: x\n    deploy:\n      update_config: {delay: ⟦1d⟧, monitor: ⟦"5"⟧}\n      rollback_config: {delay: ⟦10 s⟧, monitor: ⟦fast⟧}\n', ['duration-invalid'], {
      mode: 'stack',
      messages: [
        "Unknown unit 'd' in 'deploy.update_config.delay' of service 'a' (units ns, us, ms, s, m, h). docker stack deploy has no days or weeks: use hours (24h is a day).",
        "'5' in 'deploy.update_config.monitor' of service 'a' has a number without a unit (units ns, us, ms, s, m, h).",
        "Unknown unit ' s' in 'deploy.rollback_config.delay' of service 'a' (units ns, us, ms, s, m, h).",
        "'fast' in 'deploy.rollback_config.monitor' of service 'a' is not a duration: write e.g. '10s', '1m30s' or '1.5h'.",
      ],
    });
    checkFindings('services:\n  a:\n    image: x\n    healthcheck: {interval: 1d, start_period: "${START:-5}", timeout: "0"}\n', ['duration-invalid']);
  });

  it('reports byte sizes Docker cannot parse', () => {
    checkFindings('services:\n  a:\n    image: x\n    shm_size: ⟦1 gigs⟧\n    deploy:\n      resources:\n        limits: {memory: ⟦2gbs⟧}\n        reservations: {memory: 1.5 GB}\n', ['byte-value-invalid'], {
      messages: [
        "'1 gigs' is not a byte size for 'shm_size' of service 'a': write a number with an optional unit b, k, m or g (e.g. '512m', '1.5g').",
        "'2gbs' is not a byte size for 'deploy.resources.limits.memory' of service 'a': write a number with an optional unit b, k, m or g (e.g. '512m', '1.5g').",
      ],
    });
    checkFindings('services:\n  a:\n    image: x\n    memswap_limit: -1\n', ['byte-value-invalid']);
  });
});
