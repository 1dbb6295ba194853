import { restartAt, routes } from '../navigation/routes';
import { Button } from '../ui/Button';
import { Empty } from '../ui/Empty';

/** The way on from a booking page that cannot show its booking: the resident's list, or home. */
export function BookingWayOn() {
  return (
    <>
      <Button variant='primary' size='large' onClick={() => restartAt(routes.myBookings)}>
        查看我的预约
      </Button>
      <Button block onClick={() => restartAt(routes.home)}>
        回到首页
      </Button>
    </>
  );
}

/** A booking page opened without saying which booking (a cut-off link). */
export function NoBookingNamed() {
  return (
    <Empty description='没有说明要看哪个预约，请从“我的预约”里打开。'>
      <BookingWayOn />
    </Empty>
  );
}

