import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock } from '../../../../test/taro.mock';
import { demoUser, fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import WorkbenchPage from './index';

let downloads: { name: string; type: string }[];

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
  // Only the date is fixed (2026-12-01 in Shanghai); timers run for real, so the page's requests settle.
  jest.useFakeTimers({ now: new Date('2026-12-01T02:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'hrtime', 'performance'] });
  downloads = [];
  let lastType = '';
  URL.createObjectURL = jest.fn((blob: Blob) => {
    lastType = blob.type;
    return 'blob:hours';
  });
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, type: lastType });
  });
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('workbench: the volunteer hours table', () => {
  it('exports the chosen period as Excel or PDF under the server’s names', async () => {
    const asked: string[] = [];
    fakeHost({
      'user.me': () => ({ ...demoUser, roles: ['staff'], staffStreetId: 'st-nandajie' }),
      'exports.volunteerHoursXlsx': (payload) => {
        asked.push(`xlsx ${payload.from} ${payload.to}`);
        return { fileName: '南大街-志愿服务时长-2025-01-01至2025-12-31-20261201.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: 'UEsDBA==' };
      },
      'documents.volunteerHoursPdf': (payload) => {
        asked.push(`pdf ${payload.from} ${payload.to}`);
        return { fileName: '南大街-志愿服务时长-2026-01-01至2026-12-01-20261201.pdf', mimeType: 'application/pdf', base64: 'JVBERi0=' };
      },
    });
    render(
      <SessionProvider>
        <ElderModeProvider>
          <WorkbenchPage />
        </ElderModeProvider>
      </SessionProvider>,
    );
    expect(await screen.findByText('2026-01-01 至 2026-12-01 的活动；PDF 每个街道一页起。')).toBeTruthy();
    fireEvent.click(screen.getByText('导出时长表 PDF'));
    await waitFor(() => expect(downloads).toEqual([{ name: '南大街-志愿服务时长-2026-01-01至2026-12-01-20261201.pdf', type: 'application/pdf' }]));
    fireEvent.click(screen.getByText('去年'));
    fireEvent.click(screen.getByText('导出时长表 Excel'));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.name).toBe('南大街-志愿服务时长-2025-01-01至2025-12-31-20261201.xlsx');
    expect(asked).toEqual(['pdf 2026-01-01 2026-12-01', 'xlsx 2025-01-01 2025-12-31']);
  });
});
