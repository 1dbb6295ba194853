import { Text, View } from '@tarojs/components';
import { volunteerManageApi } from '../../../../src/api/volunteer-manage.api';
import type { ManagedActivity } from '../../../../src/api/volunteer-manage-views.schema';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { manageForbiddenText, managePageRoles } from '../../../../src/features/volunteer/manage-roles';
import { formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, routes } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { Empty } from '../../../../src/ui/Empty';
import { Tag } from '../../../../src/ui/Tag';
import { Tappable } from '../../../../src/ui/Tappable';

/** volunteer — staff: the 街道's activities from today on, with how full each is and hours to confirm. */
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

function Activities() {
  const state = useRequest(() => volunteerManageApi.activities(), []);
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
      <RequestView state={state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description='今天起还没有活动，点上面的按钮新建一个' />
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
