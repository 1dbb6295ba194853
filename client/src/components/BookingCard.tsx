import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { BookingView } from '../api/views.schema';
import { placeOf, serviceTitle } from '../features/booking/booking-labels';
import { formatRange } from '../format/date-time';
import { Tappable } from '../ui/Tappable';
import { StatusTag } from './StatusTag';

type Props = {
  booking: BookingView;
  /** Makes the whole card one tap target (opens the booking). */
  onOpen?: () => void;
  /** Extra lines under the time, e.g. details for a provider. */
  children?: ReactNode;
  /**
   * Who looks: the resident sees the provider and whom they booked for; a provider (`provider`) sees
   * neither (it is themself), the person served comes in `children`.
   */
  viewer?: 'resident' | 'provider';
};

/** One booking in a list: service, status, time and place; a tap opens it. */
export function BookingCard({ booking, onOpen, children, viewer = 'resident' }: Props) {
  const place = placeOf(booking);
  const forResident = viewer === 'resident';
  const who = forResident && booking.forFamily ? `为${booking.forFamily.name}预约` : null;
  const body = (
    <>
      <View className='booking-card__row'>
        <Text className='booking-card__service'>{serviceTitle(booking.service)}</Text>
        <StatusTag status={booking.status} />
      </View>
      <Text className='booking-card__time'>{formatRange(booking.startsAt, booking.endsAt)}</Text>
      {place ? <Text className='booking-card__line'>{place}</Text> : null}
      {forResident && booking.provider && booking.service !== 'escort' ? <Text className='booking-card__line'>{booking.provider.name}</Text> : null}
      {who ? <Text className='booking-card__line'>{who}</Text> : null}
      {booking.reason && (booking.status === 'declined' || booking.status === 'cancelled') ? (
        <Text className='booking-card__line'>{`原因：${booking.reason}`}</Text>
      ) : null}
    </>
  );
  if (!onOpen) {
    return (
      <View className='card booking-card'>
        {body}
        {children}
      </View>
    );
  }
  return (
    <View className='card booking-card'>
      <Tappable className='booking-card__open' onClick={onOpen}>
        {body}
        <Text className='booking-card__more'>查看详情 ›</Text>
      </Tappable>
      {children}
    </View>
  );
}
