/** Byte helpers on web-standard APIs only (atob, TextEncoder), so they run in browsers and Node. */

/** Decodes base64; throws on anything that is not base64. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let hex = '';
  for (const byte of view) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Accepts a PEM `PUBLIC KEY` block or the bare base64 of the DER SubjectPublicKeyInfo. */
export function publicKeyDer(publicKey: string): Uint8Array<ArrayBuffer> {
  const pem = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(publicKey);
  return base64ToBytes(pem ? (pem[1] ?? '') : publicKey.trim());
}

/** Strict UTF-8: a release that is not valid UTF-8 cannot be stored as text and read back identical. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export function encodeUtf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
