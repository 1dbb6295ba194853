import { fitValue, keywordType, shorten, templateData, wechatTime } from './template-fields';

describe('WeChat subscribe-message values', () => {
  it('reads the rule from the keyword prefix', () => {
    expect(keywordType('thing12')).toBe('thing');
    expect(keywordType('character_string3')).toBe('character_string');
    expect(keywordType('time2')).toBe('time');
    expect(keywordType('thing')).toBeNull();
    expect(keywordType('color1')).toBeNull();
  });

  it('shortens a long thing to 20 characters ending with an ellipsis, counting Chinese as one', () => {
    const hospital = '常州市第一人民医院钟楼院区心血管内科门诊楼三楼';
    const fitted = fitValue('thing3', hospital);
    expect(Array.from(fitted)).toHaveLength(20);
    expect(fitted).toBe(`${Array.from(hospital).slice(0, 19).join('')}…`);
    expect(fitValue('thing3', '养老顾问')).toBe('养老顾问');
    expect(shorten('a'.repeat(20), 20)).toBe('a'.repeat(20));
  });

  it('keeps a phrase to five Chinese characters and never leaves a value empty', () => {
    expect(fitValue('phrase1', '已确认')).toBe('已确认');
    expect(fitValue('phrase1', '已经确认完毕了')).toBe('已经确认完');
    expect(fitValue('phrase1', 'OK!')).toBe('无');
    expect(fitValue('thing1', '   ')).toBe('无');
  });

  it('keeps names, character strings and numbers within their limits', () => {
    expect(fitValue('name1', '欧阳娜娜娜娜娜娜娜娜娜')).toBe('欧阳娜娜娜娜娜娜娜娜');
    expect(fitValue('character_string2', `bk-${'x'.repeat(40)}`)).toHaveLength(32);
    expect(fitValue('character_string2', '编号 AB-12')).toBe('AB-12');
    expect(fitValue('number4', '12 位')).toBe('12');
  });

  it('writes times as YYYY年MM月DD日 HH:mm in Shanghai whatever the process zone', () => {
    expect(wechatTime(new Date('2026-12-01T01:00:00.000Z'))).toBe('2026年12月01日 09:00');
    expect(fitValue('time2', new Date('2026-12-31T16:30:00.000Z'))).toBe('2027年01月01日 00:30');
  });

  it('builds data for the configured keywords only', () => {
    const data = templateData(
      { id: 't', fields: { service: 'thing1', time: 'time2', status: 'phrase3' } },
      { service: '陪诊', time: new Date('2026-12-01T01:00:00.000Z'), status: '已确认', note: '不发送' },
    );
    expect(data).toEqual({ thing1: { value: '陪诊' }, time2: { value: '2026年12月01日 09:00' }, phrase3: { value: '已确认' } });
  });
});
