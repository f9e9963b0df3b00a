import { checkFindings } from '../../support/service';

describe('mount targets', () => {
  const code = ['duplicate-mount-target'];

  it('finds two mounts on one path across short, long and tmpfs forms', () => {
    checkFindings(
      'services:\n  a:\n    image: x\n    volumes:\n      - ⟦data:/data⟧\n      - ⟦./other:/data/:ro⟧\n      - ⟦/cache⟧\n      - type: bind\n        source: ./c\n        target: /c\n    tmpfs: [⟦/cache:size=1m⟧]\n',
      code.concat(),
    );
  });

  it('accepts distinct paths, the same path in two services and Windows sources', () => {
    checkFindings('services:\n  a:\n    image: x\n    volumes: ["C:\\\\data:/data", "/data2", "${V}:/x"]\n  b:\n    image: x\n    volumes: ["/data"]\nvolumes: {}\n', code);
  });
});
