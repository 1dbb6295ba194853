import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { ErrorNotice } from '../../src/components/ErrorNotice';
import { Page } from '../../src/components/Page';
import { forgetLastBooked } from '../../src/features/booking/booking-draft';
import { useHomeSummary, type NextAppointment } from '../../src/features/home/home-summary';
import { isProvider } from '../../src/features/provider/provider-roles';
// volunteer — staff
import { mayManageVolunteers } from '../../src/features/volunteer/manage-roles';
import { isStaff } from '../../src/features/staff/staff-roles';
import { serviceCatalog, type ServiceEntry } from '../../src/features/services/service-catalog';
import { formatDateTime } from '../../src/format/date-time';
import { goTo, routes } from '../../src/navigation/routes';
import { useSession } from '../../src/session/session-context';
import { Button } from '../../src/ui/Button';
import { Cell, CellGroup } from '../../src/ui/Cell';
import { showToast } from '../../src/ui/feedback';
import { Loading } from '../../src/ui/Loading';
import { StatusTag } from '../../src/components/StatusTag';
import { Tappable } from '../../src/ui/Tappable';
import './index.scss';

export default function HomePage() {
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const summary = useHomeSummary(signedIn);
  const name = session.user?.name;
  // Back from booking or cancelling: the next appointment and unread count may have changed.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void summary.run();
    shown.current = true;
  });
  const unread = summary.data?.unreadCount ?? null;

  const openService = (service: ServiceEntry) => {
    if (!signedIn) {
      goTo(routes.login);
      return;
    }
    if (service.bookingRoute === null) {
      showToast(`${service.title}预约即将开放`);
      return;
    }
    // A booking started on purpose: no page of the flow should say one was just made.
    forgetLastBooked();
    void Taro.navigateTo({ url: service.bookingRoute });
  };

  return (
    <Page home>
      <Text className='page-title'>{name ? `${name}，您好` : '您好'}</Text>
      <Text className='page-subtitle'>区民政局便民服务，在手机上预约</Text>

      {session.status === 'loading' ? <Loading text='正在确认登录…' /> : null}
      {session.status === 'error' && session.error ? (
        <ErrorNotice error={session.error} onRetry={() => void session.refresh()} />
      ) : null}
      {session.status === 'signedOut' ? (
        <View className='card home-login'>
          <Text className='home-login__text'>登录后可以预约服务、查看预约</Text>
          <Button variant='primary' size='large' onClick={() => goTo(routes.login)}>
            登录
          </Button>
        </View>
      ) : null}

      {signedIn && summary.data?.nextAppointment ? <NextAppointmentCard appointment={summary.data.nextAppointment} /> : null}

      <View className='home-services'>
        {serviceCatalog.map((service) => (
          <Tappable
            key={service.key}
            className={`home-service home-service--${service.key}`}
            onClick={() => openService(service)}
          >
            <Text className='home-service__title'>{service.title}</Text>
            <Text className='home-service__summary'>{service.summary}</Text>
            <Text className='home-service__action'>去预约 ›</Text>
          </Tappable>
        ))}
      </View>

      {signedIn ? (
        <CellGroup title='我的'>
          <Cell title='我的预约' label='查看、改期或取消' onClick={() => goTo(routes.myBookings)} />
          {unread !== null ? (
            <Cell title='消息' value={unread > 0 ? `${unread} 条未读` : '没有未读'} onClick={() => goTo(routes.notices)} />
          ) : null}
          {session.user && isProvider(session.user.roles) ? (
            <Cell title='待处理的预约' label='服务人员工作台' onClick={() => goTo(routes.providerInbox)} />
          ) : null}
          {/* staff desk: 街道 staff and admin run the district from the workbench. */}
          {session.user && isStaff(session.user.roles) ? (
            <Cell title='工作台' label='派单、核实、代办、街道预约' onClick={() => goTo(routes.staffWorkbench)} />
          ) : null}
          {/* volunteer — client: every signed-in person may apply; volunteers find their activities there. */}
          <Cell title='银龄行动' label='当志愿者、报名志愿活动' onClick={() => goTo(routes.volunteerStatus)} />
          <Cell title='智能手机课报名' label='给自己或家里老人报名' onClick={() => goTo(routes.volunteerClasses)} />
          {/* volunteer — staff: the 街道's staff and admin run 银龄行动 from its hub. */}
          {session.user && mayManageVolunteers(session.user.roles) ? (
            <Cell title='银龄行动管理' label='审核申请、安排活动、确认时长' onClick={() => goTo(routes.manageHub)} />
          ) : null}
          <Cell title='个人资料' label='姓名、电话、长辈模式' onClick={() => goTo(routes.profile)} />
        </CellGroup>
      ) : null}
    </Page>
  );
}

function NextAppointmentCard({ appointment }: { appointment: NextAppointment }) {
  return (
    <Tappable
      className='card home-next'
      onClick={() => goTo(routes.bookingDetail, { bookingId: appointment.bookingId })}
    >
      <Text className='home-next__heading'>下一个预约</Text>
      <View className='home-next__row'>
        <Text className='home-next__service'>{appointment.serviceTitle}</Text>
        <StatusTag status={appointment.status} />
      </View>
      <Text className='text-key home-next__time'>{formatDateTime(appointment.startsAt)}</Text>
      {appointment.place ? <Text className='home-next__place'>{appointment.place}</Text> : null}
    </Tappable>
  );
}
