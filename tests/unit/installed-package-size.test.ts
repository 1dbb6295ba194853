/** What a function deploy installs beside its bundle, as functions:measure reports it. */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { installedSize, resolvedFrom } from '../../scripts/installed-package-size';

const root = resolve(__dirname, '../..');

describe('installedSize', () => {
  it("counts the driver with every package its install brings, as package-lock.json resolves them", () => {
    const driver = installedSize(root, 'mongodb');
    expect(driver.packages).toEqual(expect.arrayContaining(['mongodb', 'bson', 'mongodb-connection-string-url', 'whatwg-url', 'tr46', '@mongodb-js/saslprep']));
    // Not the optional peers the lock never installed (kerberos, snappy, the encryption addon...).
    expect(driver.packages.filter((name) => ['kerberos', 'snappy', 'mongodb-client-encryption', 'socks'].includes(name))).toEqual([]);
    // At least the two entry files it must hold, and the package's own folder counted once.
    const entries = statSync(join(root, 'node_modules/mongodb/lib/index.js')).size + statSync(join(root, 'node_modules/bson/lib/bson.cjs')).size;
    expect(driver.bytes).toBeGreaterThan(entries);
    expect(installedSize(root, 'bson').bytes).toBeLessThan(driver.bytes);
  });

  it('refuses a package the lock does not hold', () => {
    expect(() => installedSize(root, 'no-such-package-here')).toThrow('package-lock.json has no no-such-package-here');
  });

  it('finds the copy a file in the repository would load', () => {
    expect(resolvedFrom(join(root, 'build', 'cloudfunctions', 'user', 'index.js'), 'mongodb')).toBe(join(root, 'node_modules', 'mongodb'));
  });
});
