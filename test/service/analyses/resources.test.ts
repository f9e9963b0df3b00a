import { checkFindings } from '../../support/service';

describe('resources analysis', () => {
  it('reports service-level limits that differ from deploy.resources (compose), on both', () => {
    checkFindings('services:\n  a:\n    image: x\n    mem_limit: ⟦1g⟧\n    deploy:\n      resources:\n        limits: {memory: ⟦2g⟧}\n', ['resource-mismatch'], {
      messages: ["mem_limit (1g) and deploy.resources.limits.memory (2g) of service 'a' differ: docker compose refuses distinct values; keep one.", "mem_limit (1g) and deploy.resources.limits.memory (2g) of service 'a' differ: docker compose refuses distinct values; keep one."],
    });
    checkFindings('services:\n  a:\n    image: x\n    cpus: ⟦0.5⟧\n    pids_limit: ⟦10⟧\n    mem_reservation: 256m\n    deploy:\n      resources:\n        limits: {memory: 1g}\n        reservations: {memory: 268435456}\n', ['resource-mismatch'], {
      messages: [
        "cpus (0.5) of service 'a' conflicts with deploy.resources.limits, which sets no cpus: docker compose compares them and refuses the file; move the value to deploy.resources.limits.cpus.",
        "pids_limit (10) of service 'a' conflicts with deploy.resources.limits, which sets no pids: docker compose compares them and refuses the file; move the value to deploy.resources.limits.pids.",
      ],
    });
  });

  it('accepts equal values written differently, and service-level values without deploy limits', () => {
    checkFindings('services:\n  a:\n    image: x\n    mem_limit: 1024m\n    cpus: "0.5"\n    deploy:\n      resources:\n        limits: {memory: 1g, cpus: 0.5}\n', ['resource-mismatch']);
    checkFindings('services:\n  a:\n    image: x\n    mem_limit: 1g\n    deploy: {replicas: 2}\n', ['resource-mismatch']);
  });

  it('warns when a reservation exceeds its limit, in both modes', () => {
    const text = 'services:\n  a:\n    image: x\n    deploy:\n      resources:\n        limits: {memory: 512m, cpus: "0.5"}\n        reservations: {memory: ⟦1g⟧, cpus: ⟦"1"⟧}\n';
    checkFindings(text, ['reservation-exceeds-limit'], {
      messages: ["Service 'a' reserves 1g memory but is limited to 512m: the engine refuses a memory reservation above the memory limit.", "Service 'a' reserves 1 cpus but is limited to 0.5: the scheduler reserves CPU the container may never use."],
    });
    checkFindings(text, ['reservation-exceeds-limit'], { mode: 'stack' });
    checkFindings('services:\n  a:\n    image: x\n    deploy:\n      resources:\n        limits: {memory: 1g}\n        reservations: {memory: 1024m}\n', ['reservation-exceeds-limit']);
  });

  it('refuses device requests with both count and device_ids (compose)', () => {
    checkFindings('services:\n  a:\n    image: x\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - capabilities: [gpu]\n              count: 1\n              ⟦device_ids⟧: ["0"]\n            - capabilities: [gpu]\n              device_ids: ["1"]\n    gpus:\n      - count: all\n        ⟦device_ids⟧: ["0"]\n', ['device-count-and-ids']);
  });
});
