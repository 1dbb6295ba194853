import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { adminUser, renderStaffPage, resetForStaffPage } from '../../../../test/manage-fixtures';
import DistrictSettingsPage from './index';

// Under a full parallel run on a loaded machine a page's first load can take seconds.
jest.setTimeout(30_000);

beforeEach(resetForStaffPage);

const year = new Date().getFullYear();
const settings = () => ({
  streets: [{ streetId: 'st-nandajie', name: '南大街街道', escortDailyCapacity: 6 }, { streetId: 'st-hehuachi', name: '荷花池街道', escortDailyCapacity: 4 }],
  holidays: [],
  workdays: [],
  trainingTargets: { year, districtTotal: 7000, streets: [{ streetId: 'st-nandajie', target: 4000 }, { streetId: 'st-hehuachi', target: 3000 }] },
  serviceTargets: [
    { measure: 'advisorConsultations', districtTotal: 80, streets: [{ streetId: 'st-nandajie', target: 50 }, { streetId: 'st-hehuachi', target: 30 }] },
    { measure: 'escortServices', districtTotal: null, streets: [] },
    { measure: 'counselingSessions', districtTotal: null, streets: [] },
  ],
});

describe('district settings: yearly targets', () => {
  it('shows each service’s target per 街道 and saves one, the district’s being their sum', async () => {
    const saved: unknown[] = [];
    renderStaffPage(<DistrictSettingsPage />, {
      'staff.districtSettings': () => settings(),
      'staff.setServiceTargets': (payload) => {
        saved.push(payload);
        return payload;
      },
    }, { user: adminUser });
    const advisor = (await screen.findByText(`${year}年养老顾问咨询指标（次）`, {}, { timeout: 10_000 })).closest('section')!;
    expect(within(advisor as HTMLElement).getByText('全区合计：80 次（现在的指标 80）')).toBeTruthy();
    const escort = screen.getByText(`${year}年陪诊服务指标（次）`).closest('section') as HTMLElement;
    expect(within(escort).getByText('全区合计：0 次（还没有设置）')).toBeTruthy();
    expect(screen.getByText(`${year}年婚姻辅导指标（次）`)).toBeTruthy();

    fireEvent.change(within(escort).getByLabelText(/^南大街街道/), { target: { value: '25' } });
    fireEvent.change(within(escort).getByLabelText(/^荷花池街道/), { target: { value: '15' } });
    expect(within(escort).getByText('全区合计：40 次（还没有设置）')).toBeTruthy();
    fireEvent.click(within(escort).getByRole('button', { name: '保存陪诊服务指标' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ year, measure: 'escortServices', districtTotal: 40, streets: [{ streetId: 'st-nandajie', target: 25 }, { streetId: 'st-hehuachi', target: 15 }] });
  });

  it('will not save a target that is not a whole number', async () => {
    renderStaffPage(<DistrictSettingsPage />, { 'staff.districtSettings': () => settings() }, { user: adminUser });
    const counseling = (await screen.findByText(`${year}年婚姻辅导指标（次）`, {}, { timeout: 10_000 })).closest('section') as HTMLElement;
    fireEvent.change(within(counseling).getByLabelText(/^南大街街道/), { target: { value: '2.5' } });
    expect(within(counseling).getByText('请填整数')).toBeTruthy();
    expect((within(counseling).getByRole('button', { name: '保存婚姻辅导指标' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
