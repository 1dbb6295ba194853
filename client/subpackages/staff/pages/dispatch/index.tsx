import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { staffApi } from '../../../../src/api/staff.api';
import type { DispatchItem } from '../../../../src/api/staff-views.schema';
import { BookingCard } from '../../../../src/components/BookingCard';
import { DetailRows } from '../../../../src/components/DetailRows';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { EscortPicker } from '../../../../src/features/staff/EscortPicker';
import { staffDeskRoles } from '../../../../src/features/staff/staff-roles';
import { jobDetailRows } from '../../../../src/features/provider/job-details';
import { formatDateTime } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, routes } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { Empty } from '../../../../src/ui/Empty';
import { Tag } from '../../../../src/ui/Tag';

/**
 * Escort dispatch: requests nobody took yet, hardship groups first then the soonest; the ones close
 * to their accept-by are marked, and so are requests that may be one person booked twice by
 * different family members (only staff see that). Opened with a bookingId, that booking's escorts show.
 */
export default function DispatchPage() {
  const focus = useRouter().params.bookingId ?? null;
  return (
    <Page>
      <Text className='page-title'>陪诊派单</Text>
      <SignedIn roles={staffDeskRoles} forbiddenText='这里是街道工作人员派单的地方。'>
        {() => <Dispatch focus={focus} />}
      </SignedIn>
    </Page>
  );
}

function Dispatch({ focus }: { focus: string | null }) {
  const state = useRequest(() => staffApi.dispatchQueue(), []);
  const [open, setOpen] = useState<string | null>(focus);
  return (
    <View>
      {focus ? (
        <View className='card'>
          <Text className='card__title'>选择陪诊员</Text>
          <EscortPicker bookingId={focus} onAssigned={() => goTo(routes.staffBooking, { bookingId: focus })} />
        </View>
      ) : null}
      <Text className='page-subtitle'>困难群体排在前面；标“快到期”的请尽快安排，否则申请会自动失效。</Text>
      <RequestView state={state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description='现在没有待派的陪诊请求' />
          ) : (
            <View className='provider-list'>
              {data.items.map((item) => (
                <QueueItem key={item.booking.id} item={item} open={open === item.booking.id} onToggle={() => setOpen(open === item.booking.id ? null : item.booking.id)} onAssigned={() => {
                  setOpen(null);
                  void state.run();
                }} />
              ))}
            </View>
          )
        }
      </RequestView>
    </View>
  );
}

function QueueItem({ item, open, onToggle, onAssigned }: { item: DispatchItem; open: boolean; onToggle: () => void; onAssigned: () => void }) {
  const { booking } = item;
  return (
    <BookingCard booking={booking} viewer='provider'>
      <View className='staff-flags'>
        {item.urgent ? <Tag tone='danger' prominent>{`快到期：${booking.acceptBy ? formatDateTime(booking.acceptBy) : ''} 前需安排`}</Tag> : null}
        {booking.eligibilityCheck?.status === 'pending' ? <Tag tone='warning'>困难群体待核实</Tag> : null}
        {item.possibleDuplicateIds.length > 0 ? <Tag tone='warning'>{`可能重复：同一位老人另有 ${item.possibleDuplicateIds.length} 个申请`}</Tag> : null}
      </View>
      <DetailRows rows={jobDetailRows(booking)} />
      {item.possibleDuplicateIds.length > 0 ? (
        <View className='card-actions'>
          {item.possibleDuplicateIds.map((id, index) => (
            <Button key={id} block onClick={() => goTo(routes.staffBooking, { bookingId: id })}>
              {`查看另一个申请${item.possibleDuplicateIds.length > 1 ? ` ${index + 1}` : ''}`}
            </Button>
          ))}
        </View>
      ) : null}
      <View className='card-actions'>
        <Button block onClick={() => goTo(routes.staffBooking, { bookingId: booking.id })}>
          {booking.eligibilityCheck?.status === 'pending' ? '详情与核实' : '详情'}
        </Button>
        <Button variant='primary' block onClick={onToggle}>
          {open ? '收起' : '指派'}
        </Button>
      </View>
      {open ? <EscortPicker bookingId={booking.id} onAssigned={onAssigned} /> : null}
    </BookingCard>
  );
}
