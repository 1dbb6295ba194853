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
