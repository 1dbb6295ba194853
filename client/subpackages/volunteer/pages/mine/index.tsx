import { Text, View } from '@tarojs/components';
import { volunteerApi } from '../../../../src/api/volunteer.api';
import type { MyPlaceDay } from '../../../../src/api/volunteer-views.schema';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { signupStateLabel } from '../../../../src/features/volunteer/activity-labels';
import { rollOpen } from '../../../../../shared/domain/volunteer/training-rules';
import { districtDateKey, formatDateTime } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, routes } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { Empty } from '../../../../src/ui/Empty';
import { Tappable } from '../../../../src/ui/Tappable';
import { Tag } from '../../../../src/ui/Tag';

/** The volunteer's places, waiting positions and open offers; offers first, they have a deadline. */
export default function VolunteerMinePage() {
  return (
    <Page>
      <Text className='page-title'>我报名的活动</Text>
      <SignedIn roles={['volunteer']} forbiddenText='通过志愿者审核后才能报名活动。'>
        {() => <Mine />}
      </SignedIn>
    </Page>
  );
}

const groups: { state: string; title: string }[] = [
  { state: 'offered', title: '有空位等您确认' },
  { state: 'placed', title: '已报上' },
  { state: 'waiting', title: '排队中' },
];

/** A place whose activity was on an earlier day: shown apart, newest first, below what is still to come. */
const endedBefore = (item: MyPlaceDay, todayKey: string) => districtDateKey(item.endsAt ?? item.startsAt) < todayKey;

function Mine() {
  const state = useRequest(() => volunteerApi.myPlacesByDay(), []);
  useShownAgain(() => void state.run());
  return (
    <RequestView state={state}>
      {(data) => {
        const todayKey = districtDateKey(new Date());
        // Waiting for, or offered, a place in an activity that is over means nothing any more.
        const ended = data.items
          .filter((item) => endedBefore(item, todayKey) && (item.state === 'placed' || item.state === 'holding'))
          .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
        return data.items.length === 0 ? (
          <Empty description='您还没有报名活动'>
            <Button variant='primary' size='large' onClick={() => goTo(routes.volunteerActivities)}>
              去看活动
            </Button>
          </Empty>
        ) : (
          <View>
            {groups.map((group) => {
              const items = data.items.filter((item) => !endedBefore(item, todayKey) && (item.state === group.state || (group.state === 'placed' && item.state === 'holding')));
              return items.length === 0 ? null : (
                <CellGroup key={group.state} title={group.title}>
                  {items.map((item) => <PlaceCard key={item.activityId} item={item} />)}
                </CellGroup>
              );
            })}
            {ended.length === 0 ? null : (
              <CellGroup title='已结束'>
                {ended.map((item) => <PlaceCard key={item.activityId} item={item} ended />)}
              </CellGroup>
            )}
            <View className='section'>
              <Button size='large' onClick={() => goTo(routes.volunteerActivities)}>
                看更多活动
              </Button>
            </View>
            <View className='section'>
              <Button size='large' onClick={() => goTo(routes.volunteerHours)}>
                我的服务时长
              </Button>
            </View>
          </View>
        );
      }}
    </RequestView>
  );
}

function PlaceCard({ item, ended = false }: { item: MyPlaceDay; ended?: boolean }) {
  // On the day of a place: check in and out; a class I teach: its roll (buttons beside the card, not in it),
  // for a class that is over only while its roll is still open (the 48 h after it).
  const now = new Date();
  const today = item.state === 'placed' && districtDateKey(item.startsAt) === districtDateKey(now);
  const roll = item.teaches && (!ended || rollOpen({ startsAt: new Date(item.startsAt), endsAt: new Date(item.endsAt ?? item.startsAt) }, now));
  return (
    <View>
      <PlaceSummary item={item} ended={ended} />
      {today || roll ? (
        <View className='card-actions volunteer-mine__actions'>
          {today ? (
            <Button variant='primary' block accessibleLabel={`签到签退 ${item.title}`} onClick={() => goTo(routes.volunteerCheckin, { activityId: item.activityId })}>
              签到签退
            </Button>
          ) : null}
          {roll ? (
            <Button block accessibleLabel={`课堂点名 ${item.title}`} onClick={() => goTo(routes.volunteerRoll, { activityId: item.activityId })}>
              课堂点名
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

function PlaceSummary({ item, ended }: { item: MyPlaceDay; ended: boolean }) {
  return (
    <Tappable className='card volunteer-activity' onClick={() => goTo(routes.volunteerActivity, { activityId: item.activityId })}>
      <Text className='text-key volunteer-activity__title'>{item.title}</Text>
      <Text className='volunteer-activity__line'>{formatDateTime(item.startsAt)}</Text>
      {ended ? <Tag>已结束</Tag> : <Tag tone={item.state === 'placed' ? 'success' : 'warning'} prominent>{signupStateLabel(item)}</Tag>}
      {item.state === 'offered' && item.offerExpiresAt ? (
        <Text className='volunteer-activity__line'>{`请在 ${formatDateTime(item.offerExpiresAt)} 前确认`}</Text>
      ) : null}
      <Text className='volunteer-activity__more'>看详情 ›</Text>
    </Tappable>
  );
}
