import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseServerConfig, type ServerConfig } from '../config/server-config.schema';

/**
 * The local host's configuration: the environment, plus a development token secret generated into
 * the data folder on first run so nothing secret ever sits in the repository; the same for the key
 * that encrypts volunteers' ID numbers and the secret of the rotating check-in codes.
 */
export function loadHostConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const config = parseServerConfig(env);
  config.dataDir = resolve(config.dataDir);
  if (!config.tokenSecret) {
    if (config.profile === 'production') throw new Error('TOKEN_SECRET must be set in production');
    config.tokenSecret = developmentSecret(config.dataDir, 'token-secret', 'base64url');
  }
  if (!config.idNumberKey) {
    if (config.profile === 'production') throw new Error('ID_NUMBER_KEY must be set in production');
    config.idNumberKey = developmentSecret(config.dataDir, 'id-number-key', 'base64');
  }
  if (!config.attendanceCodeSecret) {
    if (config.profile === 'production') throw new Error('ATTENDANCE_CODE_SECRET must be set in production');
    config.attendanceCodeSecret = developmentSecret(config.dataDir, 'attendance-code-secret', 'base64url');
  }
  return config;
}

function developmentSecret(dataDir: string, name: string, encoding: 'base64' | 'base64url'): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString(encoding);
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

/** Dev login hands out any identity, so it may only face the network when that is forced. */
export function assertSafeListen(config: ServerConfig): void {
  if (config.devLogin && !loopback.has(config.host) && !config.allowPublicDevLogin) {
    throw new Error(
      `Refusing to listen on ${config.host} with dev login on: anyone who reaches it could act as any user. ` +
        'Set DEV_LOGIN=0, or ALLOW_PUBLIC_DEV_LOGIN=1 to force it.',
    );
  }
}
