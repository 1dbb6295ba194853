import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock } from '../../../../test/taro.mock';
import { demoUser, failWith, fakeHost, type Replies } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import { errorMessages } from '../../../../../shared/errors';
import VolunteerCertificatePage from './index';

const volunteer = { ...demoUser, roles: ['resident', 'volunteer'] };
const record = (title: string, startsAt: string, hours: number, status: string) => ({
  activityId: `a-${title}`, title, startsAt, endsAt: startsAt, hours, status, computedHours: hours, checkInAt: startsAt, checkOutAt: startsAt, history: [],
});
// Shanghai dates: 2026-03-05 and 2026-11-20 this year, 2025-12-31 (16:30 UTC is 00:30 on 2026-01-01 in Shanghai) counts as this year too.
const myHours = {
  items: [
    record('智能手机入门课', '2026-03-05T01:00:00.000Z', 2, 'confirmed'),
    record('重阳节探访', '2026-11-20T01:00:00.000Z', 1.5, 'corrected'),
    record('老年春晚彩排', '2026-11-25T01:00:00.000Z', 3, 'pending'),
    record('跨年夜值班', '2025-12-31T16:30:00.000Z', 1, 'confirmed'),
    record('去年的课', '2025-06-01T01:00:00.000Z', 4, 'confirmed'),
  ],
  year: 2026, yearTotal: 4.5, allTimeTotal: 8.5, pendingTotal: 3,
};
const pdf = { serial: 'ZS-2026-ABCD-EFGH', fileName: 'certificate-ZS-2026-ABCD-EFGH.pdf', mimeType: 'application/pdf', base64: Buffer.from('%PDF-1.7 test').toString('base64') };
const earlier = { serial: 'ZS-2026-2345-6789', period: { from: '2026-01-01', to: '2026-06-30' }, totalHours: 2, issuedAt: '2026-07-01T02:00:00.000Z', issueDate: '2026-07-01', issuer: '南大街街道办事处' };

// jsdom's Blob has no text(); its FileReader reads one.
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

let downloads: { name: string; href: string }[];
let blobs: Blob[];

function renderPage(replies: Replies, user: Record<string, unknown> = volunteer) {
  const host = fakeHost({ 'user.me': () => user, 'volunteer.myHours': () => myHours, 'documents.myCertificates': () => ({ items: [] }), ...replies });
  const view = render(
    <SessionProvider>
      <ElderModeProvider>
        <VolunteerCertificatePage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return { host, view };
}

beforeEach(() => {
  resetTaroMock();
  localStorage.clear();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
  // Only the date is fixed (2026-12-01 in Shanghai); timers run for real, so the page's requests settle.
  jest.useFakeTimers({ now: new Date('2026-12-01T02:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'hrtime', 'performance'] });
  downloads = [];
  blobs = [];
  URL.createObjectURL = jest.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:certificate-${blobs.length}`;
  });
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, href: this.href });
  });
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('certificate page', () => {
  it('shows the decided hours this year covers, pending apart, and downloads the issued PDF', async () => {
    const issued: unknown[] = [];
    const { host } = renderPage({
      'documents.issueCertificate': (payload) => {
        issued.push(payload);
        return pdf;
      },
    });
    expect(await screen.findByText('已确认 3 次活动，共 4.5 小时')).toBeTruthy();
    expect(screen.getByText('2026-01-01 至 2026-12-01')).toBeTruthy();
    expect(screen.getByText('另有 3 小时待组织者确认，确认后才能写进证明')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '下载证明' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(issued).toEqual([{ from: '2026-01-01', to: '2026-12-01' }]);
    expect(downloads[0]).toEqual({ name: 'certificate-ZS-2026-ABCD-EFGH.pdf', href: 'blob:certificate-1' });
    expect(blobs[0]!.type).toBe('application/pdf');
    expect(await textOf(blobs[0]!)).toBe('%PDF-1.7 test');
    // The list of issued certificates is asked for again.
    await waitFor(() => expect(host.calls.filter((call) => call === 'documents.myCertificates')).toHaveLength(2));
  });

  it('covers last year whole, and a custom period once both dates are valid', async () => {
    const issued: unknown[] = [];
    renderPage({ 'documents.issueCertificate': (payload) => (issued.push(payload), pdf) });
    await screen.findByText('已确认 3 次活动，共 4.5 小时');

    fireEvent.click(screen.getByRole('button', { name: '去年' }));
    expect(await screen.findByText('2025-01-01 至 2025-12-31')).toBeTruthy();
    expect(screen.getByText('已确认 1 次活动，共 4 小时')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '自定义' }));
    const [from, to] = screen.getAllByRole('textbox') as HTMLInputElement[];
    fireEvent.change(from!, { target: { value: '2026-11-01' } });
    fireEvent.change(to!, { target: { value: '2026-10-01' } });
    expect(await screen.findByText('结束日期不能早于开始日期')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '下载证明' })).toBeNull();
    fireEvent.change(to!, { target: { value: '2026-11-30' } });
    expect(await screen.findByText('已确认 1 次活动，共 1.5 小时')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '下载证明' }));
    await waitFor(() => expect(issued).toEqual([{ from: '2026-11-01', to: '2026-11-30' }]));
  });

  it('offers no download for a period with only pending hours, and shows the server\'s refusal in words', async () => {
    renderPage({ 'documents.issueCertificate': () => failWith('NOTHING_TO_CERTIFY', '这段时间里没有已确认的服务时长，无法开具证明。') });
    await screen.findByText('已确认 3 次活动，共 4.5 小时');
    fireEvent.click(screen.getByRole('button', { name: '自定义' }));
    const [from, to] = screen.getAllByRole('textbox') as HTMLInputElement[];
    fireEvent.change(from!, { target: { value: '2026-11-21' } });
    fireEvent.change(to!, { target: { value: '2026-11-30' } });
    expect(await screen.findByText('这段时间还没有已确认的服务时长')).toBeTruthy();
    expect((screen.getByRole('button', { name: '下载证明' }) as HTMLButtonElement).disabled).toBe(true);

    // The server has the last word (a record corrected meanwhile): its refusal is shown in words.
    fireEvent.click(screen.getByRole('button', { name: '今年' }));
    fireEvent.click(await screen.findByRole('button', { name: '下载证明' }));
    expect(await screen.findByText(errorMessages.NOTHING_TO_CERTIFY)).toBeTruthy();
    expect(downloads).toEqual([]);
  });

  it('lists certificates issued before and downloads one again by its serial', async () => {
    const asked: unknown[] = [];
    renderPage({
      'documents.myCertificates': () => ({ items: [earlier] }),
      'documents.certificate': (payload) => (asked.push(payload), { ...pdf, serial: earlier.serial, fileName: `certificate-${earlier.serial}.pdf` }),
    });
    fireEvent.click(await screen.findByText('2026-01-01 至 2026-06-30'));
    await waitFor(() => expect(downloads.map((d) => d.name)).toEqual([`certificate-${earlier.serial}.pdf`]));
    expect(asked).toEqual([{ serial: earlier.serial }]);
    expect(screen.getByText(`编号 ${earlier.serial} · 开具于 2026-07-01`)).toBeTruthy();
  });

  it('is for volunteers only', async () => {
    const { host } = renderPage({}, demoUser);
    expect(await screen.findByText('成为志愿者后才能开具服务记录证明。')).toBeTruthy();
    expect(host.calls).not.toContain('documents.myCertificates');
  });

  it('works in elder mode: the page takes the elder sizes', async () => {
    const { view } = renderPage({}, { ...volunteer, elderMode: true });
    await screen.findByText('已确认 3 次活动，共 4.5 小时');
    expect(view.container.querySelector('.page.elder')).not.toBeNull();
    for (const label of ['今年', '去年', '自定义', '下载证明']) expect(screen.getByRole('button', { name: label })).toBeTruthy();
  });
});
