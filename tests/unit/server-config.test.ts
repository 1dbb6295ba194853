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
});
