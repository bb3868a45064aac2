import { createHash } from 'node:crypto';
import { configSecretData, vClusterConfigHash } from '../../src/yaml/vcluster-config-yaml';

describe('vClusterConfigHash', () => {
  const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');
  const values = { b: 1, privateNodes: { enabled: true, autoNodes: [{ name: 'pool' }] } };

  it('is the hex sha256 of the base64 text of toYaml without privateNodes.autoNodes', () => {
    const yaml = 'b: 1\nprivateNodes:\n  enabled: true';
    expect(vClusterConfigHash(values)).toBe(sha256Hex(Buffer.from(yaml).toString('base64')));
  });

  it('ignores autoNodes but not other values', () => {
    const other = { b: 1, privateNodes: { enabled: true, autoNodes: [] } };
    expect(vClusterConfigHash(other)).toBe(vClusterConfigHash(values));
    expect(vClusterConfigHash({ ...values, b: 2 })).not.toBe(vClusterConfigHash(values));
  });

  it('does not modify its input', () => {
    const before = JSON.stringify(values);
    vClusterConfigHash(values);
    expect(JSON.stringify(values)).toBe(before);
  });

  it('hashes values without privateNodes as they are', () => {
    expect(vClusterConfigHash({ b: 1 })).toBe(sha256Hex(Buffer.from('b: 1').toString('base64')));
  });
});

describe('configSecretData', () => {
  it('is the base64 of toYaml', () => {
    expect(Buffer.from(configSecretData({ a: 'é' }), 'base64').toString('utf8')).toBe('a: é');
  });
});
