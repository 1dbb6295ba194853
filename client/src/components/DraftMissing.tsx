import { lastBooked } from '../features/booking/booking-draft';
import { goTo, restartAt, routes } from '../navigation/routes';
import { Button } from '../ui/Button';
import { Empty } from '../ui/Empty';

/**
 * A flow page opened without a booking in progress: after booking (the browser's back from the
 * result), a reload after finishing, an old link. A booking just made is named, with the way to it.
 */
export function DraftMissing({ onStartAgain }: { onStartAgain?: () => void }) {
  const booked = lastBooked();
  if (booked) {
    return (
      <Empty description='这个预约已经提交成功了，不用再填一次。'>
        <Button variant='primary' size='large' onClick={() => restartAt(routes.bookingDetail, { bookingId: booked.bookingId })}>
          查看这个预约
        </Button>
        {onStartAgain ? (
          <Button block onClick={onStartAgain}>
            再预约一次
          </Button>
        ) : null}
        <Button block onClick={() => restartAt(routes.home)}>
          回到首页
        </Button>
      </Empty>
    );
  }
  return (
    <Empty description='这次预约的信息已经没有了，请从首页重新选择服务。'>
      <Button variant='primary' size='large' onClick={() => restartAt(routes.home)}>
        回到首页
      </Button>
      <Button block onClick={() => goTo(routes.myBookings)}>
        查看我的预约
      </Button>
    </Empty>
  );
}
