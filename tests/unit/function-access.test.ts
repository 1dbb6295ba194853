import { cloudFunctions } from '../../cloudfunctions/registry';
import { actionAccess } from '../../shared/domain/permissions';

// The functions' doors come from the permissions table and nowhere else: every registered action
// has an entry, every entry is registered, and the action declares exactly that entry's access.
describe('registry × permissions table', () => {
  const registered = Object.values(cloudFunctions).flatMap((fn) => Object.entries(fn.actions).map(([name, spec]) => ({ key: `${fn.name}.${name}`, spec })));

  it('registers exactly the actions the table names', () => {
    expect(registered.map((r) => r.key).sort()).toEqual(Object.keys(actionAccess).sort());
  });

  it.each(registered.map((r) => [r.key, r.spec] as const))('%s declares the table\'s access', (key, spec) => {
    expect(spec.access).toEqual(actionAccess[key as keyof typeof actionAccess]);
  });
});
