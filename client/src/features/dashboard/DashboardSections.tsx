import { Text, View } from '@tarojs/components';
import type { Dashboard } from '../../api/dashboard.api';
import { DetailRows } from '../../components/DetailRows';
import { formatDateKey, shortDateOfKey } from '../../format/date-time';
import { CellGroup } from '../../ui/Cell';
import { fillText } from './dashboard-charts';

/** The volunteers of the scope: registered, active in the last 90 days (what that means is said), confirmed hours. */
export function VolunteersCard({ volunteers }: { volunteers: Dashboard['volunteers'] }) {
  return (
    <View className='card'>
      <Text className='card__title'>志愿者</Text>
      <DetailRows
        rows={[
          { label: '已注册', value: `${volunteers.registered} 人` },
          { label: '近 90 天活跃', value: `${volunteers.active} 人` },
          { label: '已确认服务时长', value: `${volunteers.hours} 小时` },
        ]}
      />
      <Text className='dashboard-note'>{`活跃：近 90 天（${shortDateOfKey(volunteers.activeSince)} 起）参加过活动、有签到签退记录的志愿者。时长只算组织者已确认的。`}</Text>
    </View>
  );
}

/** The activities of the period and how full they were. */
export function ActivitiesCard({ activities }: { activities: Dashboard['activities'] }) {
  return (
    <View className='card'>
      <Text className='card__title'>志愿活动</Text>
      <DetailRows
        rows={[
          { label: '活动', value: `${activities.count} 场` },
          { label: '报名 / 名额', value: fillText(activities) },
        ]}
      />
    </View>
  );
}

/** The activities of the next 7 days still missing volunteers, soonest first. */
export function ShortOfVolunteers({ items }: { items: Dashboard['shortOfVolunteers'] }) {
  return (
    <CellGroup title='未来 7 天缺志愿者的活动'>
      {items.length === 0 ? <Text className='page-subtitle'>未来 7 天的活动志愿者都已报满。</Text> : null}
      {items.map((item) => (
        <View key={item.activityId} className='card dashboard-short'>
          <Text className='card__title'>{item.title}</Text>
          <DetailRows
            rows={[
              { label: '日期', value: formatDateKey(item.date) },
              { label: '街道', value: item.streetName },
              { label: '还缺', value: `${item.shortBy} 人` },
            ]}
          />
        </View>
      ))}
    </CellGroup>
  );
}
