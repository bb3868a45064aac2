import { constants, createDecipheriv, generateKeyPairSync, KeyObject, privateDecrypt } from 'crypto';
import * as forge from 'node-forge';

/**
 * An unsealer written from the Sealed Secrets format (the controller's pkg/crypto): two bytes of
 * RSA ciphertext length (big endian), the RSA-OAEP (SHA-256, label = scope) ciphertext of the
 * AES-256 session key, then AES-256-GCM ciphertext and 16-byte tag under a zero 12-byte nonce.
 */
export function unseal(privateKey: KeyObject, label: string, encrypted: string): Buffer {
  const bytes = Buffer.from(encrypted, 'base64');
  const rsaLength = bytes.readUInt16BE(0);
  const sessionKey = privateDecrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: Buffer.from(label) },
    bytes.subarray(2, 2 + rsaLength),
  );
  const body = bytes.subarray(2 + rsaLength);
  const decipher = createDecipheriv('aes-256-gcm', sessionKey, Buffer.alloc(12));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
}

/** A key pair as the controller makes it, and its self-signed certificate (`kubeseal --fetch-cert`). */
export function controllerKeys(): { privateKey: KeyObject; publicKeyPem: string; certificatePem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date();
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const subject = [{ name: 'organizationName', value: 'sealed-secret' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()), forge.md.sha256.create());
  return { privateKey, publicKeyPem, certificatePem: forge.pki.certificateToPem(cert) };
}
