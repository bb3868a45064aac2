import { generateKeyPairSync } from 'crypto';
import { controllerKeys, unseal } from './unseal';
import { seal, sealingKey, strictScopeLabel } from '../../src/secrets/sealing';

describe('sealing like kubeseal', () => {
  const keys = controllerKeys();
  const label = strictScopeLabel('vc1', 'vc-config-vc1');

  test('the strict scope label is namespace/name', () => {
    expect(label).toBe('vc1/vc-config-vc1');
  });

  test('what is sealed with the certificate unseals with the private key under the same label', () => {
    const plaintext = Buffer.from('controlPlane:\n  backingStore: {}\n', 'utf8');
    expect(unseal(keys.privateKey, label, seal(sealingKey(keys.certificatePem), label, plaintext))).toEqual(plaintext);
  });

  test('a public key PEM works as well as the certificate', () => {
    const plaintext = Buffer.from('x');
    expect(unseal(keys.privateKey, label, seal(sealingKey(keys.publicKeyPem), label, plaintext))).toEqual(plaintext);
  });

  test('does not unseal under another namespace or name', () => {
    const sealed = seal(sealingKey(keys.certificatePem), label, Buffer.from('x'));
    expect(() => unseal(keys.privateKey, strictScopeLabel('vc2', 'vc-config-vc1'), sealed)).toThrow();
    expect(() => unseal(keys.privateKey, strictScopeLabel('vc1', 'vc-config-vc2'), sealed)).toThrow();
  });

  test('seals each time with a fresh session key', () => {
    const key = sealingKey(keys.certificatePem);
    expect(seal(key, label, Buffer.from('x'))).not.toEqual(seal(key, label, Buffer.from('x')));
  });

  test('fails when the key is not RSA', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => sealingKey(ec)).toThrow("expected the sealed-secrets controller's RSA certificate, got a ec key");
  });
});
