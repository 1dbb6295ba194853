import { parseServerConfig } from '../../../../config/server-config.schema';

describe('notify configuration', () => {
  it('has the WeChat channel off and five attempts by default', () => {
    expect(parseServerConfig({}).notify).toEqual({ templates: {}, miniprogramState: 'formal', maxAttempts: 5 });
  });

  it('reads WECHAT_TEMPLATES as JSON per group with keyword names', () => {
    const templates = { booking_status: { id: 'tmpl-A_1', fields: { service: 'thing1', time: 'time2', status: 'phrase3' } } };
    expect(parseServerConfig({ WECHAT_TEMPLATES: JSON.stringify(templates) }).notify.templates).toEqual(templates);
  });

  it.each([
    ['not JSON', '{booking_status'],
    ['an unknown group', JSON.stringify({ marketing: { id: 'x', fields: {} } })],
    ['an unknown keyword kind', JSON.stringify({ booking_status: { id: 'x', fields: { service: 'colour1' } } })],
    ['an unknown field', JSON.stringify({ booking_status: { id: 'x', fields: { topic: 'thing1' } } })],
    ['a template id with a slash', JSON.stringify({ booking_status: { id: 'a/b', fields: {} } })],
  ])('refuses %s', (_label, value) => {
    expect(() => parseServerConfig({ WECHAT_TEMPLATES: value })).toThrow();
  });
});
