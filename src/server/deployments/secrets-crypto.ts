/**
 * Deployment secrets at rest: AES-256-GCM under SECRETS_KEY (or a key generated once into
 * `.data/secrets-key`, as AUTH_SECRET is). Each value gets a fresh 96-bit IV; the deployment id and
 * the secret's name are bound in as additional data, so a ciphertext copied to another row or name
 * fails to decrypt instead of yielding someone else's secret.
 */
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, type EnvOf } from "@/env";

export interface SealedSecret {
  ciphertext: string; // base64
  iv: string; // base64, 12 bytes
  tag: string; // base64, 16 bytes
}

let cachedKey: Buffer | undefined;

/** The 32-byte key: SECRETS_KEY, else the one kept in `.data/secrets-key` (created on first use). */
export function secretsKey(e: EnvOf<"SECRETS_KEY"> = env): Buffer {
  if (e.SECRETS_KEY) return Buffer.from(e.SECRETS_KEY, "base64");
  if (cachedKey) return cachedKey;
  const file = path.join(process.cwd(), ".data", "secrets-key");
  try {
    cachedKey = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch {
      // Another worker won the race; use its key.
    }
    cachedKey = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  }
  if (cachedKey.length !== 32) throw new Error(`${file} must hold base64 of 32 bytes`);
  return cachedKey;
}

const aad = (deploymentId: string, name: string) => Buffer.from(`${deploymentId}\u0000${name}`);

export function sealSecret(deploymentId: string, name: string, plaintext: string, key = secretsKey()): SealedSecret {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(deploymentId, name));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { ciphertext: ciphertext.toString("base64"), iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64") };
}

/** Throws when the key is wrong or the row was tampered with (GCM authenticates). */
export function openSecret(deploymentId: string, name: string, sealed: SealedSecret, key = secretsKey()): string {
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64"));
  decipher.setAAD(aad(deploymentId, name));
  decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]).toString("utf8");
}
