import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { escortFeeText } from '../../../../../shared/domain/service-kinds';
import { resetTaroMock, setRouterParams } from '../../../../test/taro.mock';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { clearDraft, readDraft, startDraft, updateDraft } from '../../../../src/features/booking/booking-draft';
import { saveFamilyMember } from '../../../../src/features/booking/family-members';
import { SessionProvider } from '../../../../src/session/session-context';
import BookingFormPage from './index';

const user = {
  id: 'u1', openid: 'demo-resident-1', name: '王阿姨', phone: '13800000001', communityId: 'cm-xiaoying', address: '小营前 12 号 3 单元 201',
  elderMode: false, roles: ['resident'], staffStreetId: null, createdAt: '2026-11-01T00:00:00.000Z',
};
const escortService = { id: 'escort', name: '陪诊服务', description: '', durationMinutes: 240, leadTimeMinutes: 720, horizonDays: 14, cancelCutoffMinutes: 360 };
const advisorService = { id: 'advisor' as const, name: '养老顾问', description: '', durationMinutes: 30, leadTimeMinutes: 60, horizonDays: 14, cancelCutoffMinutes: 120 };
const streets = [
  { id: 'st-nandajie', name: '南大街街道', communities: [{ id: 'cm-xiaoying', name: '小营前社区' }] },
  { id: 'st-wuxing', name: '五星街道', communities: [{ id: 'cm-wuxing', name: '五星社区' }] },
];

/** The host's replies, by function and action. */
const fetchMock = jest.fn(async (url: string, init: { body: string }) => {
  const { action } = JSON.parse(init.body) as { action: string };
  const data = url.endsWith('/api/user') ? user : action === 'services' ? [escortService, advisorService] : action === 'streets' ? streets : null;
  return { status: 200, text: async () => JSON.stringify({ ok: true, data }) };
});

async function renderForm() {
  const view = render(
    <SessionProvider>
      <ElderModeProvider>
        <BookingFormPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  await screen.findByRole('button', { name: '下一步：核对信息' });
  return view;
}

const sectionTitles = () => Array.from(document.querySelectorAll('.ui-cell-group__title')).map((el) => el.textContent);
const section = (title: RegExp) => Array.from(document.querySelectorAll<HTMLElement>('.ui-cell-group')).find((el) => title.test(el.querySelector('.ui-cell-group__title')?.textContent ?? ''))!;

beforeEach(() => {
  resetTaroMock();
  clearDraft();
  fetchMock.mockClear();
  global.fetch = fetchMock as unknown as typeof fetch;
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
  setRouterParams({ service: 'escort' });
});

describe('escort form: who it is for first, the rest in short sections', () => {
  it('asks who it is for first, offering the saved family members there, and folds the optional needs', async () => {
    saveFamilyMember({ name: '王老伯', phone: '13900001111', relationship: 'father' });
    await renderForm();

    expect(sectionTitles()).toEqual(['1. 为谁预约', '2. 就诊时间（医院预约的时间）', '3. 看病信息', '4. 费用', '5. 其他需要（选填）']);
    const who = section(/为谁预约/);
    fireEvent.click(within(who).getByRole('button', { name: '服务对象：王老伯（父亲）' }));
    // One tap fills the family member: name, relation and phone shown on one line, no fields to fill.
    expect(within(who).getByText('王老伯（父亲） · 13900001111')).toBeTruthy();
    expect(within(who).queryByLabelText(/^家人姓名/)).toBeNull();
    // The optional needs stay folded until asked for.
    expect(screen.queryByLabelText(/^同行家属电话/)).toBeNull();
    fireEvent.click(within(section(/其他需要/)).getByRole('button', { name: '填写' }));
    expect(screen.getByLabelText(/^同行家属电话/)).toBeTruthy();
  });

  it('offers 父亲 and 母亲, not 父母, as the relation of a new family member', async () => {
    await renderForm();
    fireEvent.click(screen.getByRole('button', { name: '服务对象：为家人' }));

    expect(screen.getByRole('button', { name: '与您的关系：父亲' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '与您的关系：母亲' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '与您的关系：父母' })).toBeNull();
  });

  it('starts the pickup address and the 街道 from the profile', async () => {
    await renderForm();

    expect((screen.getByLabelText(/^接送地址/) as HTMLTextAreaElement).value).toBe('小营前 12 号 3 单元 201');
    expect(screen.getByLabelText(/^接送地址/).tagName).toBe('TEXTAREA');
    expect(await screen.findByText('由南大街街道安排陪诊员')).toBeTruthy();
  });

  it('names the fee: free for the hardship groups, the 街道’s escort fee otherwise', async () => {
    await renderForm();
    const fee = section(/费用/);

    fireEvent.click(within(fee).getByRole('button', { name: '是否属于困难群体：低保' }));
    expect(within(fee).getByText(`费用：${escortFeeText.claimed}`)).toBeTruthy();
    fireEvent.click(within(fee).getByRole('button', { name: '是否属于困难群体：无' }));
    expect(within(fee).getByText(`费用：${escortFeeText.paid}`)).toBeTruthy();
    expect(document.body.textContent).not.toContain('按规定收费');
  });

  it('after an empty submit shows no toast and scrolls to the first field at fault, the appointment time', async () => {
    jest.useFakeTimers();
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = jest.fn(function (this: Element) {
      scrolled.push(this.textContent ?? '');
    });
    try {
      await renderForm();
      fireEvent.change(screen.getByLabelText(/^接送地址/), { target: { value: '' } });
      fireEvent.click(screen.getByRole('button', { name: '下一步：核对信息' }));
      act(() => {
        jest.advanceTimersByTime(100);
      });

      expect(Taro.showToast).not.toHaveBeenCalled();
      expect(scrolled).toHaveLength(1);
      expect(scrolled[0]).toContain('请选择就诊日期和时间');
      expect(screen.getByText(/^还有 \d+ 项要填写或修改/)).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('the form keeps what was typed', () => {
  it('stores every change in the draft, so a reload or a return finds the topic and the note', async () => {
    setRouterParams({});
    startDraft(advisorService, { id: 'pv-advisor-1', name: '刘顾问', venue: '小营前社区养老顾问站' });
    updateDraft({ slot: { startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T01:30:00.000Z', remaining: 1 } });
    const first = await renderForm();
    fireEvent.click(screen.getByRole('button', { name: '咨询内容：适老化改造' }));
    fireEvent.change(screen.getByLabelText(/^补充说明/), { target: { value: '卫生间想装扶手' } });

    // What a reload reads back: the stored draft.
    const stored = (Taro.setStorageSync as jest.Mock).mock.calls.filter(([key]) => key === 'civic.bookingDraft').at(-1)?.[1];
    expect(stored.form).toMatchObject({ topic: 'renovation', note: '卫生间想装扶手' });
    first.unmount();

    await renderForm();
    expect(screen.getByRole('button', { name: '咨询内容：适老化改造' }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByLabelText(/^补充说明/) as HTMLTextAreaElement).value).toBe('卫生间想装扶手');
    expect(readDraft()?.form?.note).toBe('卫生间想装扶手');
  });
});
