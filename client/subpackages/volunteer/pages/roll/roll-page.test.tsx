import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { resetTaroMock, setRouterParams } from '../../../../test/taro.mock';
import { demoUser, failWith, fakeHost, type Replies } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import VolunteerRollPage from './index';

const teacher = { ...demoUser, roles: ['resident', 'volunteer'] };
const streets = [{ id: 'st-hehuachi', name: '荷花池街道', communities: [{ id: 'cm-hehua', name: '荷花池社区' }, { id: 'cm-qingtan', name: '清潭社区' }] }];
const elder = (elderId: string, name: string, extra: Record<string, unknown> = {}) => ({
  elderId, name, communityId: 'cm-hehua', communityName: '荷花池社区', ageBand: '70_79', ageBandLabel: '70–79 岁', enrolled: true, present: false, walkIn: false, ...extra,
});
const roll = (items: unknown[], personTimes: number) => ({
  activityId: 'act-1', title: '智能手机课：挂号、付款', startsAt: '2026-12-02T01:00:00.000Z', endsAt: '2026-12-02T03:00:00.000Z',
  relation: 'teacher', elderSeats: 20, enrolled: 2, personTimes, items,
});

function renderPage(replies: Replies) {
  const host = fakeHost({ 'user.me': () => teacher, 'catalog.streets': () => streets, ...replies });
  setRouterParams({ activityId: 'act-1' });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <VolunteerRollPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return host;
}

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('teacher roll page', () => {
  it('ticks the elders who came, adds a walk-in with name, community and age band only, and shows what was counted', async () => {
    let items = [elder('el-1', '张奶奶'), elder('el-2', '李爷爷')];
    const sent: Record<string, unknown>[] = [];
    renderPage({
      'volunteer.classRoll': () => roll(items, items.filter((i) => i.present).length),
      'volunteer.takeRoll': (payload) => {
        sent.push(payload);
        items = [elder('el-1', '张奶奶', { present: true }), elder('el-2', '李爷爷'), elder('el-w', '王大爷', { enrolled: false, present: true, walkIn: true, ageBandLabel: '80–89 岁' })];
        return { added: 2, walkIns: [{ elderId: 'el-w', name: '王大爷' }], personTimes: 2 };
      },
    });
    expect(await screen.findByText('报名 2 位，已到 0 位，本节课共记 0 人次')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '张奶奶 到了' }));
    expect(screen.getByRole('button', { name: '张奶奶 到了', pressed: true })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '添加现场来的老人' }));
    expect(screen.getByText('只记姓名、社区和年龄段，不用手机号和身份证。')).toBeTruthy();
    expect(screen.queryByLabelText(/手机/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '加到点名里' }));
    expect(await screen.findByText('请填写老人的姓名')).toBeTruthy();
    expect(screen.getByText('请选择年龄段')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^老人姓名/), { target: { value: '王大爷' } });
    fireEvent.click(await screen.findByRole('button', { name: '所在街道：荷花池街道' }));
    fireEvent.click(await screen.findByRole('button', { name: '所在社区：清潭社区' }));
    fireEvent.click(screen.getByRole('button', { name: '年龄段：80–89 岁' }));
    fireEvent.click(screen.getByRole('button', { name: '加到点名里' }));
    expect(screen.getByText('王大爷（80–89 岁）')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '保存点名（2 位）' }));
    expect(await screen.findByText('这次新记 2 人次，本节课共 2 人次')).toBeTruthy();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ activityId: 'act-1', present: ['el-1'], walkIns: [{ name: '王大爷', communityId: 'cm-qingtan', ageBand: '80_89' }] });
    const walkIn = (sent[0]!.walkIns as Record<string, unknown>[])[0]!;
    expect(Object.keys(walkIn).sort()).toEqual(['ageBand', 'communityId', 'key', 'name']);
    expect(walkIn.key).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    // Ticked elders stay ticked: shown as 已到, not offered again.
    expect(await screen.findByText('报名 2 位，已到 2 位，本节课共记 2 人次')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '张奶奶 到了' })).toBeNull();
  });

  it('a roll that failed is sent again with the same walk-in key, so the walk-in is counted once', async () => {
    const sent: Record<string, unknown>[] = [];
    let fail = true;
    renderPage({
      'volunteer.classRoll': () => roll([], 0),
      'volunteer.takeRoll': (payload) => {
        sent.push(payload);
        if (fail) {
          fail = false;
          return failWith('INTERNAL', 'x', 500);
        }
        return { added: 1, walkIns: [{ elderId: 'el-w', name: '赵阿婆' }], personTimes: 1 };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: '添加现场来的老人' }));
    fireEvent.change(screen.getByLabelText(/^老人姓名/), { target: { value: '赵阿婆' } });
    fireEvent.click(await screen.findByRole('button', { name: '所在街道：荷花池街道' }));
    fireEvent.click(await screen.findByRole('button', { name: '所在社区：荷花池社区' }));
    fireEvent.click(screen.getByRole('button', { name: '年龄段：90 岁及以上' }));
    fireEvent.click(screen.getByRole('button', { name: '加到点名里' }));
    fireEvent.click(screen.getByRole('button', { name: '保存点名（1 位）' }));
    expect(await screen.findByText(/系统出了点问题|服务器/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存点名（1 位）' }));
    expect(await screen.findByText('这次新记 1 人次，本节课共 1 人次')).toBeTruthy();
    const keys = sent.map((s) => (s.walkIns as { key: string }[])[0]!.key);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('says before anything is filled in when the roll opens, or that it has closed, and says nothing while it is open', async () => {
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const HOUR = 3_600_000;
    const shown: Record<string, { startsAt: string; endsAt: string }> = {
      later: { startsAt: at(7 * 24 * HOUR), endsAt: at(7 * 24 * HOUR + 2 * HOUR) },
      past: { startsAt: at(-3 * 24 * HOUR), endsAt: at(-3 * 24 * HOUR + 2 * HOUR) },
      now: { startsAt: at(-HOUR), endsAt: at(HOUR) },
    };
    for (const [when, times] of Object.entries(shown)) {
      renderPage({ 'volunteer.classRoll': () => ({ ...roll([elder('el-1', '张奶奶')], 0), ...times }) });
      await screen.findByText('报名 2 位，已到 0 位，本节课共记 0 人次');
      const note = screen.queryByText(/点名时间|点名已经结束/);
      if (when === 'later') expect(note?.textContent).toMatch(/^还没到点名时间：\d+月\d+日 周. .+起可以点名（课前半小时）。$/);
      if (when === 'past') expect(note?.textContent).toBe('这节课的点名已经结束：课后两天内可以点名。');
      if (when === 'now') expect(note).toBeNull();
      // The button stays: the server decides.
      expect(screen.getByRole('button', { name: '保存点名' })).toBeTruthy();
      cleanup();
    }
  });

  it('someone who is not the teacher is told the class is not there for them', async () => {
    renderPage({ 'volunteer.classRoll': () => failWith('NOT_FOUND', 'x', 404) });
    expect(await screen.findByText('没有找到这条记录。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '看我报名的活动' })).toBeTruthy();
  });
});
