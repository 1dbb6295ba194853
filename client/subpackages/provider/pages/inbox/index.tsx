import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';
import { providerApi } from '../../../../src/api/provider.api';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { ProviderBookingCard } from '../../../../src/features/provider/ProviderBookingCard';
import { canClaimEscortRequests, forbiddenText, keepsHours, providerPageRoles } from '../../../../src/features/provider/provider-roles';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, routes } from '../../../../src/navigation/routes';
import { Cell, CellGroup } from '../../../../src/ui/Cell';
import { Empty } from '../../../../src/ui/Empty';

/**
 * The provider's workbench (养老顾问 / 陪诊员 / 婚姻辅导师): requests waiting for an answer, and the
 * way to the day's schedule, the hours and (escorts) the pool. The server decides what each sees;
 * a counselor gets only their own cases.
 */
export default function ProviderInboxPage() {
  return (
    <Page>
      <SignedIn roles={providerPageRoles} forbiddenText={forbiddenText}>
        {(user) => <Inbox user={user} />}
      </SignedIn>
    </Page>
  );
}

function Inbox({ user }: { user: PublicUser }) {
  const state = useRequest(() => providerApi.inbox(), []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void state.run();
    shown.current = true;
  });
  return (
    <View>
      <Text className='page-title'>待处理的预约</Text>
      <CellGroup>
        <Cell title='今日日程' label='今天要见的人，完成后记录' onClick={() => goTo(routes.providerSchedule)} />
        {canClaimEscortRequests(user.roles) ? <Cell title='陪诊接单' label='街道待安排的陪诊请求' onClick={() => goTo(routes.providerPool)} /> : null}
        {keepsHours(user.roles) ? <Cell title='服务时间' label='每周时段、休息日' onClick={() => goTo(routes.providerAvailability)} /> : null}
      </CellGroup>
      <View className='section'>
        <RequestView state={state}>
          {(data) => {
            const waiting = data.items.filter((booking) => booking.status === 'requested');
            return waiting.length === 0 ? (
              <Empty description='暂时没有需要处理的预约' />
            ) : (
              <View className='provider-list'>
                {waiting.map((booking) => (
                  <ProviderBookingCard key={booking.id} booking={booking} onChanged={() => void state.run()} />
                ))}
              </View>
            );
          }}
        </RequestView>
      </View>
    </View>
  );
}
