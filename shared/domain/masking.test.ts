import { maskAddress, maskName, maskPhone } from './masking';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['02112345678', '021****5678'],
    ['12345678', '123****5678'],
    ['1234567', '****'],
    ['110', '****'],
    ['', ''],
    ['   ', ''],
  ])('%p → %p', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe('maskName', () => {
  it.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    [' 李四 ', '李*'],
    ['𠮷祥', '𠮷*'],
    ['张', '*'],
    ['', ''],
  ])('%p → %p', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });
});

describe('maskAddress', () => {
  it.each([
    ['浦东新区幸福路100弄3号501室', '浦东新区幸福…'],
    ['幸福小区3栋2单元', '幸福小区3栋…'],
    ['幸福小区3栋', '幸福小…'],
    ['幸福路1号', '幸福…'],
    ['3栋', '3…'],
    ['3', '…'],
    ['', ''],
    ['  ', ''],
  ])('%p → %p', (input, expected) => {
    expect(maskAddress(input)).toBe(expected);
  });

  it('never shows the whole of a non-empty address', () => {
    for (const address of ['A', 'AB', 'ABCDEF', 'ABCDEFG']) {
      expect(maskAddress(address).replace('…', '')).not.toBe(address);
    }
  });
});
