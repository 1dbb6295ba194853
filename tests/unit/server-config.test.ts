import { parseServerConfig } from '../../config/server-config.schema';

describe('server configuration', () => {
  it('turns dev login on in development and test, off in production', () => {
    expect(parseServerConfig({ APP_ENV: 'development' }).devLogin).toBe(true);
    expect(parseServerConfig({ APP_ENV: 'test' }).devLogin).toBe(true);
    expect(parseServerConfig({ APP_ENV: 'production' }).devLogin).toBe(false);
  });

  it('lets the environment turn dev login off', () => {
    expect(parseServerConfig({ APP_ENV: 'development', DEV_LOGIN: '0' }).devLogin).toBe(false);
  });

  it('listens on loopback, port 3000, unless told otherwise', () => {
    const config = parseServerConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
  });

  it('reads the first admins as a comma-separated list', () => {
    expect(parseServerConfig({ ADMIN_OPENIDS: 'a, b,,c' }).adminOpenids).toEqual(['a', 'b', 'c']);
  });

  it('refuses a short token secret', () => {
    expect(() => parseServerConfig({ TOKEN_SECRET: 'short' })).toThrow(/TOKEN_SECRET/);
  });

  // staff sign-in
  it('reads the first admin from ADMIN_LOGIN with a password or an argon2id hash, exactly one of them', () => {
    expect(parseServerConfig({ ADMIN_LOGIN: 'bureau', ADMIN_PASSWORD: 'Bureau-first-1' }).firstAdmin).toEqual({ loginName: 'bureau', password: 'Bureau-first-1', passwordHash: undefined });
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$KDUOP58cQyDvcJDyGHXjyA$ZNOTixR/ujDW3cZPGXqEBZzWYSMdKxv6ltMQn4zhhes';
    expect(parseServerConfig({ ADMIN_LOGIN: 'bureau', ADMIN_PASSWORD_HASH: hash }).firstAdmin).toEqual({ loginName: 'bureau', password: undefined, passwordHash: hash });
    expect(parseServerConfig({}).firstAdmin).toBeUndefined();
    expect(() => parseServerConfig({ ADMIN_LOGIN: 'bureau' })).toThrow(/exactly one of ADMIN_PASSWORD/);
    expect(() => parseServerConfig({ ADMIN_LOGIN: 'bureau', ADMIN_PASSWORD: 'Bureau-first-1', ADMIN_PASSWORD_HASH: hash })).toThrow(/exactly one of ADMIN_PASSWORD/);
    expect(() => parseServerConfig({ ADMIN_PASSWORD: 'Bureau-first-1' })).toThrow(/without ADMIN_LOGIN/);
    expect(() => parseServerConfig({ ADMIN_LOGIN: 'bureau', ADMIN_PASSWORD: '12345678' })).toThrow(/ADMIN_PASSWORD must be/);
    expect(() => parseServerConfig({ ADMIN_LOGIN: 'bureau', ADMIN_PASSWORD_HASH: '$2b$10$bcrypt' })).toThrow(/ADMIN_PASSWORD_HASH must be/);
    expect(() => parseServerConfig({ ADMIN_LOGIN: 'a b', ADMIN_PASSWORD: 'Bureau-first-1' })).toThrow(/ADMIN_LOGIN must be/);
  });

  // documents — certificates
  it('points certificates at the local host outside production, and at nothing guessed in production', () => {
    expect(parseServerConfig({}).publicBaseUrl).toBe('http://127.0.0.1:3000');
    expect(parseServerConfig({ PORT: '8080', HOST: '0.0.0.0' }).publicBaseUrl).toBe('http://0.0.0.0:8080');
    expect(parseServerConfig({ APP_ENV: 'production' }).publicBaseUrl).toBeUndefined();
    expect(parseServerConfig({ APP_ENV: 'production', PUBLIC_BASE_URL: 'https://mz.example.cn' }).publicBaseUrl).toBe('https://mz.example.cn');
    expect(() => parseServerConfig({ PUBLIC_BASE_URL: 'javascript:alert(1)' })).toThrow();
  });

  it('reads the certificate font from the environment', () => {
    expect(parseServerConfig({}).certificateFont).toEqual({ path: undefined, postscriptName: undefined });
    expect(parseServerConfig({ CERTIFICATE_FONT_PATH: '/fonts/a.ttc', CERTIFICATE_FONT_NAME: 'NotoSansCJKsc-Regular' }).certificateFont).toEqual({ path: '/fonts/a.ttc', postscriptName: 'NotoSansCJKsc-Regular' });
  });
});
