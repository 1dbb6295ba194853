import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ServiceKind } from '../../../../../shared/domain/service-kinds';
import { bookingActions } from '../../../../../shared/schemas/booking.schema';
import { resetTaroMock } from '../../../../test/taro.mock';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { startDraft, updateDraft, readDraft } from '../../../../src/features/booking/booking-draft';
import { bookingFieldLimits, buildCreateInput, emptyBookingForm } from '../../../../src/features/booking/booking-form';
import { checkInput } from '../../../../src/api/validate-input';
import { SessionProvider } from '../../../../src/session/session-context';
import BookingFormPage from './index';

const user = {
  id: 'u1', openid: 'demo-resident-1', name: '王阿姨', phone: '13800000001', communityId: 'cm-xiaoying',
  elderMode: false, roles: [], staffStreetId: null, createdAt: '2026-11-01T00:00:00.000Z',
};
const advisorService = {
  id: 'advisor' as const, name: '养老顾问', description: '', durationMinutes: 30, leadTimeMinutes: 60, horizonDays: 14, cancelCutoffMinutes: 120,
};
const slot = { startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T01:30:00.000Z', remaining: 1 };

const fetchMock = jest.fn();

function reply(data: unknown) {
  return { status: 200, text: async () => JSON.stringify({ ok: true, data }) };
}

async function renderForm() {
  render(
    <SessionProvider>
      <ElderModeProvider>
        <BookingFormPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return screen.findByRole('button', { name: '下一步：核对信息' });
}

/** The field (label, input, messages) a label belongs to. */
const fieldOf = (label: string) => screen.getByLabelText(new RegExp(`^${label}`)).closest('.ui-field') as HTMLElement;

beforeEach(() => {
  resetTaroMock();
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => reply(user));
  global.fetch = fetchMock as unknown as typeof fetch;
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
  startDraft(advisorService, { id: 'pv-advisor-1', name: '刘顾问', venue: '小营前社区养老顾问站' });
  updateDraft({ slot });
});

describe('booking form: validation shown at the fields', () => {
  it('shows the chosen provider and time, the shared limits at each field, and the phone filled in', async () => {
    await renderForm();

    expect(screen.getByText('刘顾问 · 小营前社区养老顾问站')).toBeTruthy();
    expect(screen.getByText('12月1日 周二 上午 9:00 – 9:30')).toBeTruthy();
    expect(within(fieldOf('补充说明')).getByText(`选填，最多 ${bookingFieldLimits.advisorNote} 字`)).toBeTruthy();
    expect((screen.getByLabelText(new RegExp(`^您的联系电话`)) as HTMLInputElement).value).toBe('13800000001');
  });

  it('does not go on without a topic, and says so under the choice', async () => {
    const next = await renderForm();

    fireEvent.click(next);

    expect(screen.getByText('请选择想咨询的事')).toBeTruthy();
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('asks for the address of a home visit, under the address field, with its limit', async () => {
    const next = await renderForm();
    fireEvent.click(screen.getByRole('button', { name: '咨询内容：适老化改造' }));
    fireEvent.click(screen.getByRole('button', { name: '方式：上门服务' }));

    const address = fieldOf('上门地址');
    expect(within(address).getByText(`必填，最多 ${bookingFieldLimits.advisorAddress} 字`)).toBeTruthy();
    fireEvent.click(next);

    expect(within(address).getByRole('alert').textContent).toBe('上门服务请填写地址');
    expect(screen.getByLabelText(new RegExp(`^上门地址`)).getAttribute('aria-invalid')).toBe('true');
  });

  it('checks a family member with the shared schema: name, 11-digit phone and relation', async () => {
    const next = await renderForm();
    fireEvent.click(screen.getByRole('button', { name: '咨询内容：养老政策' }));
    fireEvent.click(screen.getByRole('button', { name: '服务对象：为家人' }));
    fireEvent.change(screen.getByLabelText(new RegExp(`^家人手机`)), { target: { value: '1380000' } });
    fireEvent.click(next);

    expect(within(fieldOf('家人姓名')).getByRole('alert').textContent).toBeTruthy();
    expect(within(fieldOf('家人手机')).getByRole('alert').textContent).toBe('请填写 11 位手机号');
    expect(screen.getByText('请选择与您的关系')).toBeTruthy();
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('a wrong field clears when it is changed, and a complete form goes on to the confirmation', async () => {
    const next = await renderForm();
    fireEvent.change(screen.getByLabelText(new RegExp(`^您的联系电话`)), { target: { value: '123' } });
    fireEvent.click(next);
    expect(within(fieldOf('您的联系电话')).getByRole('alert').textContent).toBe('请填写 11 位手机号');

    fireEvent.change(screen.getByLabelText(new RegExp(`^您的联系电话`)), { target: { value: '13900000009' } });
    expect(within(fieldOf('您的联系电话')).queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '咨询内容：家庭养老床位' }));
    fireEvent.click(next);

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/booking/pages/confirm/index' });
    expect(readDraft()?.form).toMatchObject({ topic: 'family_bed', contactPhone: '13900000009' });
  });
});

describe('booking form limits', () => {
  // The limits shown at the fields are the shared schema's: exactly `max` characters pass, one more fails.
  const cases: [keyof typeof bookingFieldLimits, ServiceKind, (form: ReturnType<typeof emptyBookingForm>, text: string) => void, string][] = [
    ['advisorAddress', 'advisor', (f, t) => { f.mode = 'home_visit'; f.address = t; }, 'details.address'],
    ['advisorNote', 'advisor', (f, t) => { f.note = t; }, 'details.note'],
    ['hospital', 'escort', (f, t) => { f.hospital = t; }, 'details.hospital'],
    ['department', 'escort', (f, t) => { f.department = t; }, 'details.department'],
    ['pickupAddress', 'escort', (f, t) => { f.pickupAddress = t; }, 'details.pickupAddress'],
    ['languageNeeds', 'escort', (f, t) => { f.languageNeeds = t; }, 'details.languageNeeds'],
    ['escortNote', 'escort', (f, t) => { f.note = t; }, 'details.note'],
    ['counselingNote', 'counseling', (f, t) => { f.note = t; }, 'details.note'],
    ['familyName', 'advisor', (f, t) => { f.forWhom = 'family'; f.familyName = t; }, 'forFamily.name'],
  ];

  it.each(cases)('%s matches bookingActions.create', (limit, service, fill, path) => {
    const check = (length: number) => {
      const form = { ...emptyBookingForm('13800000001'), topic: service === 'counseling' ? 'premarital' as const : 'policy' as const };
      Object.assign(form, { hospital: '医院', department: '科室', pickupAddress: '地址', eligibility: 'dibao', streetId: 'st-1', familyName: '王', familyPhone: '13900000000', familyRelationship: 'parent' });
      fill(form, '字'.repeat(length));
      const input = buildCreateInput({ service, providerId: 'pv-1', startsAt: '2026-12-01T01:00:00.000Z', form, requestId: 'test-request-1' });
      const result = checkInput(bookingActions.create, input);
      return result.ok ? null : result.fields[path] ?? null;
    };
    expect(check(bookingFieldLimits[limit])).toBeNull();
    expect(check(bookingFieldLimits[limit] + 1)).not.toBeNull();
  });
});
