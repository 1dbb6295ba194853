import { Image, Text, View } from '@tarojs/components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { volunteerManageApi } from '../../../../src/api/volunteer-manage.api';
import type { AttendanceCode, HoursRecord, ManagedActivity, Roster } from '../../../../src/api/volunteer-manage-views.schema';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { ReasonForm } from '../../../../src/components/ReasonForm';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { CorrectHoursForm } from '../../../../src/features/volunteer/CorrectHoursForm';
import { checkInQrDataUrl, checkInWindowOpen, hoursStatusLabels, hoursText, ROSTER_REFRESH_MS, rosterStateLabels, secondsUntil } from '../../../../src/features/volunteer/manage-labels';
import { manageForbiddenText, managePageRoles } from '../../../../src/features/volunteer/manage-roles';
import { useWhileShown } from '../../../../src/features/volunteer/use-while-shown';
import { districtDateKey, formatDateTime, formatRange, formatTime } from '../../../../src/format/date-time';
import { useBusyAction } from '../../../../src/hooks/use-busy-action';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { Empty } from '../../../../src/ui/Empty';
import { confirm, showToast } from '../../../../src/ui/feedback';
import { PhoneCall } from '../../../../src/ui/PhoneCall';
import { Tag } from '../../../../src/ui/Tag';

/**
 * volunteer — staff: one activity on its day: the rotating check-in code, the live roster
 * (已到 / 未到 / 已退出), then the hours to confirm or correct; and changing or calling it off.
 */
export default function ManageActivityPage() {
  const { activityId = '' } = usePageParams();
  return (
    <Page>
      <Text className='page-title'>活动现场</Text>
      <SignedIn roles={managePageRoles} forbiddenText={manageForbiddenText}>
        {() => <Loader activityId={activityId} />}
      </SignedIn>
    </Page>
  );
}

function Loader({ activityId }: { activityId: string }) {
  const state = useRequest(() => volunteerManageApi.activity(activityId), [activityId]);
  useShownAgain(() => void state.run());
  const wayOn = (
    <Button variant='primary' size='large' onClick={() => goTo(routes.manageActivities)}>
      看全部活动
    </Button>
  );
  return (
    <RequestView state={state} wayOn={wayOn}>
      {(activity) => (
        <View>
          <Header activity={activity} reload={() => void state.run()} />
          {activity.status === 'open' ? <CodePanel activity={activity} /> : null}
          <Live activity={activity} />
        </View>
      )}
    </RequestView>
  );
}

function Header({ activity, reload }: { activity: ManagedActivity; reload: () => void }) {
  const [cancelling, setCancelling] = useState<'one' | 'following' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const cancel = async (reason: string) => {
    setError(null);
    try {
      if (cancelling === 'following' && activity.seriesId) await volunteerManageApi.cancelSeriesFrom(activity.seriesId, districtDateKey(activity.startsAt), reason);
      else await volunteerManageApi.cancelActivity(activity.id, reason);
      setCancelling(null);
      showToast('已取消，报了名的志愿者会收到通知');
      reload();
    } catch (caught) {
      setError(toApiError(caught));
    }
  };
  return (
    <View>
      <View className='card volunteer-activity'>
        <Tag tone='primary'>{activity.seriesId ? `${activity.kindLabel} · 每周` : activity.kindLabel}</Tag>
        <Text className='text-key volunteer-activity__title'>{activity.title}</Text>
        <Text className='text-key'>{formatRange(activity.startsAt, activity.endsAt)}</Text>
        <Text className='volunteer-activity__line'>{`地点：${activity.place}`}</Text>
        <Text className='volunteer-activity__line'>{activity.roles.map((r) => `${r.label} ${r.filled}/${r.count}`).join('，')}</Text>
        {activity.waiting > 0 ? <Text className='volunteer-activity__line'>{`排队 ${activity.waiting} 人`}</Text> : null}
        {activity.status === 'cancelled' ? <Tag tone='danger' prominent>{`已取消${activity.cancelReason ? `：${activity.cancelReason}` : ''}`}</Tag> : null}
      </View>
      {error ? (
        <View className='section'>
          <ErrorNotice error={error} />
        </View>
      ) : null}
      {activity.status === 'open' ? (
        cancelling ? (
          <View className='section'>
            <ReasonForm label='取消原因' placeholder='例如：场地临时不能用' confirmText={cancelling === 'following' ? '取消这次及以后' : '取消活动'} onConfirm={cancel} onCancel={() => setCancelling(null)} />
          </View>
        ) : (
          <View className='card-actions section'>
            <Button block onClick={() => goTo(routes.manageActivityForm, { activityId: activity.id })}>
              修改
            </Button>
            <Button variant='danger' block onClick={() => setCancelling('one')}>
              取消活动
            </Button>
            {activity.seriesId ? (
              <Button variant='danger' block onClick={() => setCancelling('following')}>
                取消这次及以后
              </Button>
            ) : null}
          </View>
        )
      ) : null}
    </View>
  );
}

/** The six digits large (and in a QR code the volunteer scans), new every 30 s, with the seconds left. */
function CodePanel({ activity }: { activity: ManagedActivity }) {
  const [now, setNow] = useState(() => Date.now());
  const [code, setCode] = useState<AttendanceCode | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const open = checkInWindowOpen(activity, now);
  const fetching = useRef(false);
  const fetchCode = async () => {
    if (fetching.current) return;
    fetching.current = true;
    try {
      setCode(await volunteerManageApi.code(activity.id));
      setError(null);
    } catch (caught) {
      setCode(null);
      setError(toApiError(caught));
    } finally {
      fetching.current = false;
    }
  };
  useWhileShown(() => setNow(Date.now()), 1000);
  const due = open && (code === null ? error === null : secondsUntil(code.refreshAt, now) === 0);
  useEffect(() => {
    if (due) void fetchCode();
  }, [due, now]);
  const qr = useMemo(() => (code ? checkInQrDataUrl(code.code) : null), [code?.code]);

  if (!open) {
    return (
      <CellGroup title='签到码'>
        <Text className='volunteer-note'>{Date.now() < Date.parse(activity.startsAt) ? `签到码在 ${formatDateTime(new Date(Date.parse(activity.startsAt) - 30 * 60_000).toISOString())} 出现（开始前 30 分钟）。` : '签到已结束。'}</Text>
      </CellGroup>
    );
  }
  return (
    <CellGroup title='签到码'>
      {error ? <ErrorNotice error={error} onRetry={() => void fetchCode()} /> : null}
      {code ? (
        <View className='manage-code'>
          {/* nativeProps reaches the browser's <img> (its alt); weapp reads ariaLabel. */}
          {qr ? <Image className='manage-code__qr' src={qr} ariaLabel={`签到二维码，内容 ${code.code}`} nativeProps={{ alt: `签到二维码，内容 ${code.code}` }} /> : null}
          <Text className='manage-code__digits'>{code.code}</Text>
          <Text className='volunteer-note'>{`${secondsUntil(code.refreshAt, now)} 秒后换新码；请志愿者扫码或输入这 6 位数字`}</Text>
        </View>
      ) : error ? null : (
        <Text className='volunteer-note'>正在取签到码…</Text>
      )}
    </CellGroup>
  );
}

/** The live roster and the hours, asked for again every 10 s while shown. */
function Live({ activity }: { activity: ManagedActivity }) {
  const roster = useRequest(() => volunteerManageApi.roster(activity.id), [activity.id]);
  const hours = useRequest(() => volunteerManageApi.hours(activity.id), [activity.id]);
  useWhileShown(() => {
    void roster.run();
    void hours.run();
  }, ROSTER_REFRESH_MS);
  return (
    <View>
      <RequestView state={roster}>{(data) => <RosterList roster={data} />}</RequestView>
      <RequestView state={hours}>
        {(data) => <HoursList activity={activity} records={data.items} names={new Map((roster.data?.items ?? []).map((i) => [i.userId, i.name ?? '志愿者']))} reload={() => void hours.run()} />}
      </RequestView>
    </View>
  );
}

function RosterList({ roster }: { roster: Roster }) {
  const groups = [
    { title: `已到 ${roster.counts.arrived} 人`, items: roster.items.filter((i) => i.state === 'arrived' || i.state === 'left') },
    { title: `未到 ${roster.counts.notYet} 人`, items: roster.items.filter((i) => i.state === 'not_yet') },
    { title: `已退出 ${roster.counts.withdrawn} 人`, items: roster.items.filter((i) => i.state === 'withdrawn') },
  ];
  return (
    <View>
      <Text className='section-title manage-roster__heading'>{`名单${roster.phonesMasked ? '（电话在活动当天显示完整）' : ''}`}</Text>
      {roster.items.length === 0 ? <Empty description='还没有人报名' /> : null}
      {groups.map((group) =>
        group.items.length === 0 ? null : (
          <CellGroup key={group.title} title={group.title}>
            {group.items.map((item) => (
              <View key={item.userId} className='volunteer-role'>
                <Text className='volunteer-role__name'>{`${item.name ?? '志愿者'}（${rosterStateLabels[item.state] ?? item.state}）`}</Text>
                {item.checkedInAt ? <Text className='volunteer-note'>{`签到 ${formatTime(item.checkedInAt)}${item.checkedOutAt ? `，签退 ${formatTime(item.checkedOutAt)}${item.autoClosed ? '（未签退，按结束时间记）' : ''}` : ''}`}</Text> : null}
                {item.phone ? roster.phonesMasked ? <Text className='volunteer-note'>{`电话 ${item.phone}`}</Text> : <PhoneCall phone={item.phone} who={item.name ?? '志愿者'} /> : null}
              </View>
            ))}
          </CellGroup>
        ),
      )}
    </View>
  );
}

function HoursList({ activity, records, names, reload }: { activity: ManagedActivity; records: HoursRecord[]; names: Map<string, string>; reload: () => void }) {
  const [correcting, setCorrecting] = useState<string | null>(null);
  const pending = records.filter((r) => r.status === 'pending');
  const { busy, error, run } = useBusyAction(reload);
  const confirmAll = async () => {
    const ok = await confirm({ title: `确认全部 ${pending.length} 条时长？`, content: '确认后时长锁定，以后只能由志愿者申请更正。', confirmText: '全部确认', cancelText: '再看看' });
    if (!ok) return;
    await run('all', async () => {
      for (const record of pending) await volunteerManageApi.confirmHours(activity.id, record.userId);
    }, '已全部确认');
  };
  return (
    <CellGroup title={`服务时长${pending.length > 0 ? `（待确认 ${pending.length} 条）` : ''}`}>
      {records.length === 0 ? <Text className='volunteer-note'>志愿者签退后，时长会出现在这里。</Text> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {pending.length > 1 ? (
        <View className='volunteer-role'>
          <Button variant='primary' block loading={busy === 'all'} disabled={busy !== null} onClick={() => void confirmAll()}>
            {`全部确认（${pending.length} 条）`}
          </Button>
        </View>
      ) : null}
      {records.map((record) => {
        const name = names.get(record.userId) ?? '志愿者';
        return (
          <View key={record.userId} className='volunteer-role'>
            <Text className='volunteer-role__name'>{`${name}：${hoursText(record.hours)}（${hoursStatusLabels[record.status] ?? record.status}）`}</Text>
            <Text className='volunteer-note'>{`签到 ${formatTime(record.checkInAt)}，签退 ${formatTime(record.checkOutAt)}${record.autoClosed ? '（忘了签退，系统按结束时间记，请核实）' : ''}`}</Text>
            {record.status === 'pending' ? (
              correcting === record.userId ? (
                <CorrectHoursForm name={name} hours={record.hours} onCancel={() => setCorrecting(null)}
                  onSubmit={(hours, reason) => run(record.userId, () => volunteerManageApi.correctHours(activity.id, record.userId, hours, reason), '已更正').then(() => setCorrecting(null))} />
              ) : (
                <View className='card-actions'>
                  <Button block disabled={busy !== null} onClick={() => setCorrecting(record.userId)} accessibleLabel={`更正${name}的时长`}>
                    更正
                  </Button>
                  <Button variant='primary' block loading={busy === record.userId} disabled={busy !== null} accessibleLabel={`确认${name}的时长`}
                    onClick={() => void run(record.userId, () => volunteerManageApi.confirmHours(activity.id, record.userId), '已确认')}>
                    确认
                  </Button>
                </View>
              )
            ) : null}
          </View>
        );
      })}
    </CellGroup>
  );
}
