import { constants, createCipheriv, createPublicKey, KeyObject, publicEncrypt, randomBytes, X509Certificate } from 'crypto';

/*
 * Sealed Secrets' hybrid encryption, as its controller decrypts it (pkg/crypto in
 * bitnami-labs/sealed-secrets): a fresh 32-byte AES-256-GCM session key, encrypted with RSA-OAEP
 * (SHA-256) under the scope label; the output is the RSA ciphertext's length (2 bytes, big
 * endian), the RSA ciphertext, then the AES-GCM ciphertext with its tag, sealed under a zero
 * nonce (each session key seals one value).
 *
 * Written on Node's own crypto rather than taken from a package: cdk8s synthesizes
 * synchronously, while the maintained kubeseal ports are asynchronous (WebCrypto), and they take
 * a bare public key and seal namespace-wide, where the controller hands out a certificate and
 * the config Secret wants the strict scope.
 */

const SESSION_KEY_BYTES = 32;
const GCM_NONCE_BYTES = 12;

/** The controller's public key, from its certificate (`kubeseal --fetch-cert`) or a public key PEM. */
export function sealingKey(pem: string): KeyObject {
  const key = pem.includes('-----BEGIN CERTIFICATE-----') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`expected the sealed-secrets controller's RSA certificate, got a ${key.asymmetricKeyType} key`);
  }
  return key;
}

/** The strict scope's label: the Secret can be unsealed only under this namespace and name. */
export function strictScopeLabel(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** One value of `spec.encryptedData`: base64 of the hybrid ciphertext. */
export function seal(key: KeyObject, label: string, plaintext: Buffer): string {
  const sessionKey = randomBytes(SESSION_KEY_BYTES);
  const rsa = publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: Buffer.from(label) }, sessionKey);
  const cipher = createCipheriv('aes-256-gcm', sessionKey, Buffer.alloc(GCM_NONCE_BYTES));
  const length = Buffer.alloc(2);
  length.writeUInt16BE(rsa.length);
  return Buffer.concat([length, rsa, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]).toString('base64');
}
