import { Text, View } from '@tarojs/components';
import { volunteerApi } from '../../../../src/api/volunteer.api';
import type { ActivityView } from '../../../../src/api/volunteer-views.schema';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { placesLeftText } from '../../../../src/features/volunteer/activity-labels';
import { formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, routes } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { Empty } from '../../../../src/ui/Empty';
import { Tappable } from '../../../../src/ui/Tappable';
import { Tag } from '../../../../src/ui/Tag';

/** Upcoming activities the volunteer's approved skills fit (the server chooses them). */
export default function VolunteerActivitiesPage() {
  return (
    <Page>
      <Text className='page-title'>志愿活动</Text>
      <SignedIn roles={['volunteer']} forbiddenText='通过志愿者审核后才能报名活动。'>
        {() => <ActivityList />}
      </SignedIn>
    </Page>
  );
}

function ActivityList() {
  const state = useRequest(() => volunteerApi.activities(), []);
  useShownAgain(() => void state.run());
  return (
    <View>
      <View className='section'>
        <Button block onClick={() => goTo(routes.volunteerMine)}>
          我报名的活动
        </Button>
      </View>
      <RequestView state={state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description='现在没有适合您技能的活动，有新活动时再来看看' />
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

function ActivityCard({ activity }: { activity: ActivityView }) {
  const when = formatRange(activity.startsAt, activity.endsAt);
  return (
    // No spoken label of its own: the card's visible text, in order, is its name (speech users say what they see).
    <Tappable className='card volunteer-activity' onClick={() => goTo(routes.volunteerActivity, { activityId: activity.id })}>
      <Tag tone='primary'>{activity.kindLabel}</Tag>
      <Text className='text-key volunteer-activity__title'>{activity.title}</Text>
      <Text className='volunteer-activity__line'>{when}</Text>
      <Text className='volunteer-activity__line'>{activity.place}</Text>
      {activity.roles.map((role) => (
        <Text key={role.code} className='volunteer-activity__line'>{`${role.label}：${placesLeftText(role)}`}</Text>
      ))}
      <Text className='volunteer-activity__more'>看详情、报名 ›</Text>
    </Tappable>
  );
}
