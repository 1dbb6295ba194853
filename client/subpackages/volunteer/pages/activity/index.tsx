import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { teachingRoleOf } from '../../../../../shared/domain/volunteer/training-codes';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { volunteerApi } from '../../../../src/api/volunteer.api';
import type { ActivityDetail } from '../../../../src/api/volunteer-views.schema';
import { DetailRows } from '../../../../src/components/DetailRows';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { askSubscribeConsent } from '../../../../src/features/booking/subscribe-consent';
import { isActiveSignup, placesLeftText, signupStateLabel } from '../../../../src/features/volunteer/activity-labels';
import { formatDateTime, formatRange } from '../../../../src/format/date-time';
import { useBusyAction } from '../../../../src/hooks/use-busy-action';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { confirm, showToast } from '../../../../src/ui/feedback';
import { PhoneCall } from '../../../../src/ui/PhoneCall';
import { Tag } from '../../../../src/ui/Tag';

/** One activity: the rules first, then the roles to sign up in, or the volunteer's own place. */
export default function VolunteerActivityPage() {
  const { activityId = '' } = usePageParams();
  return (
    <Page>
      <Text className='page-title'>活动详情</Text>
      <SignedIn roles={['volunteer']} forbiddenText='通过志愿者审核后才能报名活动。'>
        {() => <ActivityLoader activityId={activityId} />}
      </SignedIn>
    </Page>
  );
}

function ActivityLoader({ activityId }: { activityId: string }) {
  const state = useRequest(() => volunteerApi.activity(activityId), [activityId]);
  const wayOn = (
    <Button variant='primary' size='large' onClick={() => goTo(routes.volunteerActivities)}>
      看其他活动
    </Button>
  );
  return (
    <RequestView state={state} wayOn={wayOn}>
      {(activity) => <ActivityBody activity={activity} reload={() => void state.run()} />}
    </RequestView>
  );
}

function ActivityBody({ activity, reload }: { activity: ActivityDetail; reload: () => void }) {
  const mine = activity.mine && isActiveSignup(activity.mine.state) ? activity.mine : null;
  const cancelled = activity.status === 'cancelled';
  const signUpOpen = !cancelled && Date.now() < new Date(activity.signUpClosesAt).getTime();

  const { busy, error, run: act } = useBusyAction(reload);
  const signUp = (role: string, done: string) => {
    // WeChat shows the consent dialog only inside the tap: asked first, for the place's notices and reminders.
    void askSubscribeConsent();
    void act(role, () => volunteerApi.signUp(activity.id, role), done);
  };
  const confirmOffer = () => {
    void askSubscribeConsent();
    void act('confirm', () => volunteerApi.confirmOffer(activity.id), '已确认，名额是您的了');
  };
  const withdraw = async () => {
    const ok = await confirm({ title: '确认退出这个活动？', content: '退出后名额会让给排队的人，本活动不能再报名。', confirmText: '确认退出', cancelText: '不退出', danger: true });
    if (ok) await act('withdraw', () => volunteerApi.withdraw(activity.id), '已退出');
  };
  const roleLabel = (code: string) => activity.roles.find((r) => r.code === code)?.label ?? code;
  const organizerPhone = typeof error?.details?.contactPhone === 'string' ? error.details.contactPhone : null;

  return (
    <View>
      <View className='card volunteer-activity'>
        <Tag tone='primary'>{activity.kindLabel}</Tag>
        <Text className='text-key volunteer-activity__title'>{activity.title}</Text>
        <Text className='text-key'>{formatRange(activity.startsAt, activity.endsAt)}</Text>
        <Text className='volunteer-activity__line'>{`地点：${activity.place}`}</Text>
        {activity.description ? <Text className='volunteer-activity__line'>{activity.description}</Text> : null}
        {cancelled ? <Tag tone='danger' prominent>活动已取消</Tag> : null}
      </View>

      <CellGroup title='报名前请看'>
        <View className='volunteer-rules'>
          <DetailRows
          rows={[
            { label: '时长怎么算', value: activity.rules.hours },
            { label: '最晚退出', value: `${formatDateTime(activity.rules.withdrawCutoffAt)} 前可以在这里退出，之后请打电话给组织者` },
            { label: '报名截止', value: formatDateTime(activity.signUpClosesAt) },
            { label: '要带什么', value: activity.rules.bring || '不用带东西' },
            ...(activity.rules.riskNote ? [{ label: '注意', value: activity.rules.riskNote }] : []),
            { label: '保险', value: activity.rules.insuranceRequired ? '需要保险，组织方会安排' : '不需要' },
          ]}
          />
        </View>
      </CellGroup>

      {error ? (
        <View className='section'>
          <ErrorNotice error={error} />
          {organizerPhone ? <PhoneCall phone={organizerPhone} who='组织者' /> : null}
        </View>
      ) : null}

      {mine ? (
        <View className='card volunteer-mine'>
          <Text className='volunteer-activity__line'>{`我的岗位：${roleLabel(mine.role)}`}</Text>
          <Tag tone={mine.state === 'placed' ? 'success' : 'warning'} prominent>{signupStateLabel(mine)}</Tag>
          {mine.state === 'offered' && mine.offerExpiresAt ? (
            <>
              <Text className='text-key'>{`请在 ${formatDateTime(mine.offerExpiresAt)} 前确认`}</Text>
              <Text className='volunteer-activity__line'>过时不确认，名额会让给下一位。</Text>
              <View className='card-actions'>
                <Button block disabled={busy !== null} loading={busy === 'decline'} onClick={() => void act('decline', () => volunteerApi.declineOffer(activity.id), '已放弃')}>
                  放弃
                </Button>
                <Button variant='primary' block disabled={busy !== null} loading={busy === 'confirm'} onClick={confirmOffer}>
                  确认
                </Button>
              </View>
            </>
          ) : null}
          {mine.state === 'placed' && !cancelled ? (
            // volunteer — client: on the day, check in and out; the class's teacher takes the roll.
            <View className='card-actions'>
              <Button variant='primary' block onClick={() => goTo(routes.volunteerCheckin, { activityId: activity.id })}>
                签到签退
              </Button>
              {activity.kind === 'tech_class' && mine.role === teachingRoleOf(activity.roles) ? (
                <Button block onClick={() => goTo(routes.volunteerRoll, { activityId: activity.id })}>
                  课堂点名
                </Button>
              ) : null}
            </View>
          ) : null}
          {mine.state === 'placed' || mine.state === 'waiting' ? (
            <View className='section'>
              <Button variant='danger' block loading={busy === 'withdraw'} disabled={busy !== null} onClick={() => void withdraw()}>
                {mine.state === 'waiting' ? '不排队了' : '退出活动'}
              </Button>
            </View>
          ) : null}
        </View>
      ) : (
        <CellGroup title='选择岗位报名'>
          {activity.mine ? <Text className='volunteer-note'>{`您之前${signupStateLabel(activity.mine)}，本活动不能再报名。`}</Text> : null}
          {!signUpOpen && !activity.mine ? <Text className='volunteer-note'>{cancelled ? '活动已取消。' : '报名已经截止。'}</Text> : null}
          {activity.roles.map((role) => (
            <View key={role.code} className='volunteer-role'>
              <Text className='volunteer-role__name'>{`${role.label}（共 ${role.count} 个，${placesLeftText(role)}）`}</Text>
              {signUpOpen && !activity.mine ? (
                <Button variant={role.taken < role.count ? 'primary' : 'default'} block loading={busy === role.code} disabled={busy !== null}
                  accessibleLabel={`报名${role.label}`} onClick={() => signUp(role.code, role.taken < role.count ? '报名成功' : '已排队')}>
                  {role.taken < role.count ? `报名：${role.label}` : `排队：${role.label}`}
                </Button>
              ) : null}
            </View>
          ))}
        </CellGroup>
      )}
    </View>
  );
}
