import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { volunteerApi } from '../../../../src/api/volunteer.api';
import type { ActivityAttendance } from '../../../../src/api/volunteer-views.schema';
import { DetailRows } from '../../../../src/components/DetailRows';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import {
  attendanceErrorHint,
  attendanceOpenAt,
  attendanceStep,
  attendanceWindow,
  codeFromScan,
  hoursText,
  scanProblemText,
} from '../../../../src/features/volunteer/attendance-labels';
import { formatDateTime, formatRange, formatTime } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { Field } from '../../../../src/ui/Field';
import { showToast } from '../../../../src/ui/feedback';
import { Notice } from '../../../../src/ui/Notice';
import { canScanCode, scanCodeText } from '../../../../src/ui/scan-code';
import { Tag } from '../../../../src/ui/Tag';

/**
 * Check-in and check-out on the day, with the organizer's rotating code: scanned from their QR in the
 * mini-program, typed as six digits in the browser (and in the mini-program when the camera fails).
 */
export default function VolunteerCheckinPage() {
  const { activityId = '' } = usePageParams();
  return (
    <Page>
      <Text className='page-title'>签到签退</Text>
      <SignedIn roles={['volunteer']} forbiddenText='通过志愿者审核、报上活动后才能签到。'>
        {() => <CheckinLoader activityId={activityId} />}
      </SignedIn>
    </Page>
  );
}

function CheckinLoader({ activityId }: { activityId: string }) {
  const state = useRequest(() => volunteerApi.activityAttendance(activityId), [activityId]);
  useShownAgain(() => void state.run());
  const wayOn = (
    <Button variant='primary' size='large' onClick={() => goTo(routes.volunteerMine)}>
      看我报名的活动
    </Button>
  );
  return (
    <RequestView state={state} wayOn={wayOn}>
      {(activity) => <CheckinBody activity={activity} reload={() => void state.run()} />}
    </RequestView>
  );
}

function CheckinBody({ activity, reload }: { activity: ActivityAttendance; reload: () => void }) {
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [hours, setHours] = useState<number | null>(null);

  const step = attendanceStep(activity.attendance);
  const placed = activity.mine?.state === 'placed';
  const span = attendanceWindow(activity);
  const open = attendanceOpenAt(activity, Date.now());
  const verb = step === 'in' ? '签到' : '签退';

  const send = async (digits: string) => {
    setBusy(true);
    setError(null);
    setProblem(null);
    try {
      if (step === 'in') {
        await volunteerApi.checkIn(activity.id, digits);
        showToast('签到成功');
      } else {
        const done = await volunteerApi.checkOut(activity.id, digits);
        setHours(done.hours);
        showToast('签退成功');
      }
      setCode('');
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
      reload();
    }
  };
  const scan = async () => {
    setError(null);
    setProblem(null);
    const text = await scanCodeText();
    if (text === null) return;
    const read = codeFromScan(text, activity.id);
    if ('problem' in read) setProblem(scanProblemText[read.problem]);
    else await send(read.code);
  };
  const typed = async () => {
    const digits = code.trim();
    if (!/^\d{6}$/.test(digits)) {
      setFieldError('签到码是 6 位数字');
      return;
    }
    setFieldError(undefined);
    await send(digits);
  };

  const hint = error ? attendanceErrorHint(error.code) : null;
  return (
    <View>
      <View className='card volunteer-activity'>
        <Text className='text-key volunteer-activity__title'>{activity.title}</Text>
        <Text className='text-key'>{formatRange(activity.startsAt, activity.endsAt)}</Text>
        <Text className='volunteer-activity__line'>{`地点：${activity.place}`}</Text>
      </View>

      <View className='card volunteer-checkin__state'>
        <AttendanceTag activity={activity} />
        <DetailRows rows={[{ label: '签到时间', value: `${formatDateTime(span.opensAt)} 到 ${formatDateTime(span.closesAt)}` }]} />
        {hours !== null ? <Text className='text-key'>{`本次记 ${hoursText(hours)}，等组织者确认`}</Text> : null}
        {activity.attendance?.autoClosed ? <Text className='volunteer-note'>您忘了签退，系统按活动结束时间记了签退，组织者会核对。</Text> : null}
      </View>

      {problem ? (
        <View className='section'>
          <Notice tone='error'>
            <Text className='ui-notice__message'>{problem}</Text>
          </Notice>
        </View>
      ) : null}
      {error ? (
        <View className='section'>
          <ErrorNotice error={error} />
          {hint ? <Text className='volunteer-note'>{hint}</Text> : null}
        </View>
      ) : null}

      {activity.status === 'cancelled' ? (
        <Text className='volunteer-note'>活动已取消，不用签到。</Text>
      ) : !placed ? (
        <Text className='volunteer-note'>您在这个活动没有名额，不用签到。</Text>
      ) : step === 'done' ? (
        <View className='section'>
          <Button variant='primary' size='large' onClick={() => goTo(routes.volunteerHours)}>
            看我的服务时长
          </Button>
        </View>
      ) : (
        <View>
          {!open ? <Text className='volunteer-note'>{Date.now() < Date.parse(span.opensAt) ? '还没到签到时间，到时候再来。' : '签到时间已过。'}</Text> : null}
          {canScanCode ? (
            <View className='main-action'>
              <Button variant='primary' size='large' loading={busy} disabled={busy} onClick={() => void scan()}>
                {`扫码${verb}`}
              </Button>
            </View>
          ) : null}
          <CellGroup title={canScanCode ? `扫不了码？输入${verb}码` : `输入${verb}码`}>
            <View className='volunteer-checkin__code'>
              <Field label={`${verb}码`} type='number' value={code} required placeholder='6 位数字' hint='看组织者手机上的 6 位数字，30 秒换一次'
                error={fieldError} onChange={(value) => { setCode(value.replace(/\D/g, '').slice(0, 6)); setFieldError(undefined); }} />
              <Button variant={canScanCode ? 'default' : 'primary'} size='large' loading={busy} disabled={busy} onClick={() => void typed()}>
                {`确认${verb}`}
              </Button>
            </View>
          </CellGroup>
        </View>
      )}
    </View>
  );
}

function AttendanceTag({ activity }: { activity: ActivityAttendance }) {
  const attendance = activity.attendance;
  if (attendance?.checkedOutAt) return <Tag tone='success' prominent>{`已签退 ${formatTime(attendance.checkedOutAt)}`}</Tag>;
  if (attendance?.checkedInAt) return <Tag tone='primary' prominent>{`已签到 ${formatTime(attendance.checkedInAt)}`}</Tag>;
  return <Tag tone='warning' prominent>未签到</Tag>;
}
