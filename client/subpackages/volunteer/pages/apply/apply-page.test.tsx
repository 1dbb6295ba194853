import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { volunteerConsentText, VOLUNTEER_CONSENT_VERSION } from '../../../../../shared/domain/volunteer/registration-consent';
import { volunteerRegistrationActions } from '../../../../../shared/schemas/volunteer-registration.schema';
import { resetTaroMock } from '../../../../test/taro.mock';
import { demoUser, fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { checkInput } from '../../../../src/api/validate-input';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { buildApplyInput, emptyVolunteerForm, readVolunteerDraft, volunteerFieldLimits } from '../../../../src/features/volunteer/volunteer-form';
import { SessionProvider } from '../../../../src/session/session-context';
import VolunteerApplyPage from './index';

const streets = [{ id: 'st-nandajie', name: '南大街街道', communities: [{ id: 'cm-xiaoying', name: '小营前社区' }] }];

async function renderForm() {
  render(
    <SessionProvider>
      <ElderModeProvider>
        <VolunteerApplyPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return screen.findByRole('button', { name: '提交申请' });
}

const fieldOf = (label: string) => screen.getByLabelText(new RegExp(`^${label}`)).closest('.ui-field') as HTMLElement;
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(new RegExp(`^${label}`)), { target: { value } });
const tap = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

/** Everything a valid application needs, typed and tapped as a person would. */
async function fillValid() {
  type('出生年份', '1958');
  tap('性别：女');
  await screen.findByRole('button', { name: '所在社区：小营前社区' });
  tap('您的身份：老知识分子');
  tap('技能：智能手机教学');
  tap('上午有空：周二');
  type('紧急联系人姓名', '李明');
  type('紧急联系人电话', '13698765432');
  tap('身体状况：身体良好，能胜任');
  tap('☐ 我已阅读，同意以上内容');
}

let applied: Record<string, unknown>[] = [];

beforeEach(() => {
  resetTaroMock();
  applied = [];
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
  fakeHost({
    'catalog.streets': () => streets,
    'volunteer.apply': (payload) => {
      applied.push(payload);
      return { id: 'va-u1-1', status: 'pending', statusLabel: '待审核', name: '王阿姨', submittedAt: '2026-12-01T00:00:00.000Z' };
    },
  });
});

describe('volunteer application form', () => {
  it('shows the consent in plain words, and the name and phone from the account', async () => {
    await renderForm();
    for (const line of volunteerConsentText) expect(screen.getByText(new RegExp(line.slice(0, 12)))).toBeTruthy();
    expect((screen.getByLabelText(/^姓名/) as HTMLInputElement).value).toBe(demoUser.name);
    expect((screen.getByLabelText(/^手机号/) as HTMLInputElement).value).toBe(demoUser.phone);
  });

  it('sends nothing while a choice is missing, and says so at each field', async () => {
    const submit = await renderForm();
    fireEvent.click(submit);

    expect(screen.getByText('请选择性别')).toBeTruthy();
    expect(within(fieldOf('出生年份')).getByText('请填写 4 位数字的出生年份，例如 1958')).toBeTruthy();
    expect(screen.getByText('请选择您的身份')).toBeTruthy();
    expect(screen.getByText('请至少选一项技能')).toBeTruthy();
    expect(screen.getByText('请至少选一个可服务的时间')).toBeTruthy();
    expect(screen.getByText('请选择身体状况')).toBeTruthy();
    expect(screen.getByText('请阅读并勾选同意')).toBeTruthy();
    expect(screen.getByText(/还有 \d+ 项要填写或修改/)).toBeTruthy();
    expect(applied).toHaveLength(0);
  });

  it('refuses an emergency contact with the applicant’s own phone, and a too-young birth year, by field', async () => {
    const submit = await renderForm();
    await fillValid();
    type('紧急联系人电话', demoUser.phone);
    type('出生年份', '2015');
    fireEvent.click(submit);

    expect(within(fieldOf('紧急联系人电话')).getByText('紧急联系人的电话不能和本人相同')).toBeTruthy();
    expect(within(fieldOf('出生年份')).getByText('年满 18 岁、不超过 100 岁才能申请')).toBeTruthy();
    expect(applied).toHaveLength(0);
  });

  it('names a wrong ID number at its field before sending', async () => {
    const submit = await renderForm();
    await fillValid();
    type('身份证号', '110105194912310021');
    fireEvent.click(submit);
    expect(within(fieldOf('身份证号')).getByText('身份证号校验位不对，请核对')).toBeTruthy();
    expect(applied).toHaveLength(0);
  });

  it('sends a valid application with the consent version, and goes on to the status page', async () => {
    const submit = await renderForm();
    await fillValid();
    fireEvent.click(submit);

    await screen.findByText('申请已提交');
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({
      name: demoUser.name, gender: 'female', birthYear: 1958, communityId: 'cm-xiaoying', skills: ['smartphone_teaching'],
      availability: [{ weekday: 2, part: 'morning' }], emergencyContact: { name: '李明', phone: '13698765432' },
      health: { fitForService: true }, consent: { version: VOLUNTEER_CONSENT_VERSION, agreed: true },
    });
    expect(applied[0]).not.toHaveProperty('idNumber');
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/status/index' });
    expect(readVolunteerDraft()).toBeNull();
  });

  it('shows a field the server refused at that field (a community gone since the list was loaded)', async () => {
    const host = global.fetch;
    global.fetch = jest.fn(async (url: string, init: { body: string }) => {
      if (!url.endsWith('/api/volunteer')) return (host as unknown as (u: string, i: unknown) => Promise<unknown>)(url, init);
      const error = { code: 'VALIDATION_FAILED', message: '填写的内容有误', details: { fields: [{ path: 'communityId', message: '没有这个社区' }] } };
      return { status: 400, text: async () => JSON.stringify({ ok: false, error }) };
    }) as unknown as typeof fetch;
    const submit = await renderForm();
    await fillValid();
    fireEvent.click(submit);
    expect(await screen.findByText('没有这个社区')).toBeTruthy();
    expect(screen.getByText('没有这个社区').closest('.choice-group')?.textContent).toContain('所在社区');
  });

  it('keeps what was typed in a draft, so a reload finds it', async () => {
    await renderForm();
    type('紧急联系人姓名', '李明');
    expect(readVolunteerDraft()?.emergencyName).toBe('李明');
  });
});

describe('the form against the shared schema', () => {
  it('uses the schema’s limits at its fields', () => {
    const form = { ...emptyVolunteerForm({ name: null, phone: null, communityId: null }), name: '李'.repeat(volunteerFieldLimits.name + 1) };
    const checked = checkInput(volunteerRegistrationActions.apply, buildApplyInput(form));
    expect(checked.ok ? {} : checked.fields).toHaveProperty('name');
    const fits = checkInput(volunteerRegistrationActions.apply, buildApplyInput({ ...form, name: '李'.repeat(volunteerFieldLimits.name) }));
    expect(fits.ok ? {} : fits.fields).not.toHaveProperty('name');
  });
});
