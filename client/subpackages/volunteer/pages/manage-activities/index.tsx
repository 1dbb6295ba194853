import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { volunteerManageApi } from '../../../../src/api/volunteer-manage.api';
import type { ManagedActivity } from '../../../../src/api/volunteer-manage-views.schema';
import { ChoiceGroup } from '../../../../src/components/ChoiceGroup';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { manageForbiddenText, managePageRoles } from '../../../../src/features/volunteer/manage-roles';
import { addDaysToKey, districtDateKey, formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { Empty } from '../../../../src/ui/Empty';
import { Tag } from '../../../../src/ui/Tag';
import { Tappable } from '../../../../src/ui/Tappable';

/** volunteer — staff: the 街道's activities from today on (or the last 30 days), with how full each is and hours to confirm. */
export default function ManageActivitiesPage() {
  return (
    <Page>
      <Text className='page-title'>活动管理</Text>
      <SignedIn roles={managePageRoles} forbiddenText={manageForbiddenText}>
        {() => <Activities />}
      </SignedIn>
    </Page>
  );
}

type When = 'upcoming' | 'recent';
const whenChoices = [
  { value: 'upcoming', label: '今天起' },
  { value: 'recent', label: '最近 30 天' },
] as const;

/** Today on, or the last 30 days (where hours still wait to be confirmed). */
function rangeOf(when: When): { from?: string; to?: string } {
  const today = districtDateKey(new Date());
  return when === 'recent' ? { from: addDaysToKey(today, -30), to: today } : {};
}

function Activities() {
  const { when: asked = '' } = usePageParams();
  const [when, setWhen] = useState<When>(asked === 'recent' ? 'recent' : 'upcoming');
  const state = useRequest(() => volunteerManageApi.activities(rangeOf(when)), [when]);
  useShownAgain(() => void state.run());
  return (
    <View>
      <View className='card-actions section'>
        <Button variant='primary' block onClick={() => goTo(routes.manageActivityForm)}>
          新建活动
        </Button>
        <Button block onClick={() => goTo(routes.manageActivityForm, { mode: 'series' })}>
          新建每周系列
        </Button>
      </View>
      <View className='section'>
        <ChoiceGroup label='看哪些活动' options={whenChoices} value={when} onChange={setWhen} />
      </View>
      <RequestView state={state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={when === 'recent' ? '最近 30 天没有活动' : '今天起还没有活动，点上面的按钮新建一个'} />
          ) : (
            <View className='flow-cards'>
              {data.items.map((activity) => (
                <ActivityCard key={activity.id} activity={activity} />
              ))}
            </View>
          )
        }
      </RequestView>
    </View>
  );
}

function ActivityCard({ activity }: { activity: ManagedActivity }) {
  return (
    <Tappable className='card volunteer-activity' onClick={() => goTo(routes.manageActivity, { activityId: activity.id })}>
      <Tag tone='primary'>{activity.seriesId ? `${activity.kindLabel} · 每周` : activity.kindLabel}</Tag>
      <Text className='text-key volunteer-activity__title'>{activity.title}</Text>
      <Text className='volunteer-activity__line'>{formatRange(activity.startsAt, activity.endsAt)}</Text>
      <Text className='volunteer-activity__line'>{activity.place}</Text>
      <Text className='volunteer-activity__line'>{activity.roles.map((r) => `${r.label} ${r.filled}/${r.count}`).join('，')}</Text>
      {activity.waiting > 0 ? <Text className='volunteer-activity__line'>{`排队 ${activity.waiting} 人`}</Text> : null}
      {activity.pendingHours > 0 ? <Tag tone='warning'>{`待确认时长 ${activity.pendingHours} 条`}</Tag> : null}
      {activity.status === 'cancelled' ? <Tag tone='danger'>已取消</Tag> : null}
      <Text className='volunteer-activity__more'>现场签到、名单、时长 ›</Text>
    </Tappable>
  );
}
