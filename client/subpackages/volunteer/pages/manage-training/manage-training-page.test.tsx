import { fireEvent, screen, waitFor } from '@testing-library/react';
import { adminUser, renderStaffPage, resetForStaffPage } from '../../../../test/manage-fixtures';
import ManageTrainingPage from './index';

// Under a full parallel run on a loaded machine a page's first load can take seconds.
jest.setTimeout(30_000);

beforeEach(resetForStaffPage);

const street = (streetId: string, name: string, personTimes: number, target: number | null) => ({
  streetId, name, personTimes, persons: Math.ceil(personTimes / 3), target, share: target ? Math.round((personTimes / target) * 1000) / 1000 : null,
  communities: [{ communityId: `${streetId}-c`, name: `${name}一社区`, personTimes, persons: Math.ceil(personTimes / 3) }],
});

describe('volunteer staff: training progress', () => {
  it('staff see their 街道 against its target, per 社区, and cannot set targets', async () => {
    renderStaffPage(<ManageTrainingPage />, { 'volunteer.trainingProgress': () => ({ year: 2026, district: null, streets: [street('st-nandajie', '南大街街道', 912, 2000)] }) });
    expect(await screen.findByText('912 人次，304 人', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('指标 2000 人次，完成 46%')).toBeTruthy();
    expect(screen.getByText('南大街街道一社区：912 人次，304 人')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '保存指标' })).toBeNull();
  });

  it('admin sees the district and sets the year\'s targets, the split adding up to the total', async () => {
    const saved: unknown[] = [];
    renderStaffPage(<ManageTrainingPage />, {
      'volunteer.trainingProgress': () => ({
        year: 2026, district: { personTimes: 1200, persons: 400, target: null, share: null },
        streets: [street('st-nandajie', '南大街街道', 900, null), street('st-hehuachi', '荷花池街道', 300, null)],
      }),
      'volunteer.setTrainingTargets': (payload) => {
        saved.push(payload);
        return payload;
      },
    }, { user: adminUser });
    expect(await screen.findByText('2026 年全区', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('1200 人次，400 人')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^全区指标/), { target: { value: '7000' } });
    fireEvent.change(screen.getByLabelText(/^南大街街道指标/), { target: { value: '4000' } });
    fireEvent.change(screen.getByLabelText(/^荷花池街道指标/), { target: { value: '2000' } });
    fireEvent.click(screen.getByRole('button', { name: '保存指标' }));
    expect(await screen.findByText('各街道之和（6000）要等于全区指标', {}, { timeout: 10_000 })).toBeTruthy();
    expect(saved).toEqual([]);
    fireEvent.change(screen.getByLabelText(/^荷花池街道指标/), { target: { value: '3000' } });
    fireEvent.click(screen.getByRole('button', { name: '保存指标' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ year: 2026, districtTotal: 7000, streets: [{ streetId: 'st-nandajie', target: 4000 }, { streetId: 'st-hehuachi', target: 3000 }] });
  });
});
