// Tell PEM blocks apart by their header.
export function isPrivateKey(pem) {
  return pem.startsWith("-----BEGIN RSA PRIVATE KEY-----") || pem.startsWith("-----BEGIN PRIVATE KEY-----");
}
