import { Text, View } from '@tarojs/components';
import { familyRelationLabels } from '../../../../shared/domain/service-kinds';
import type { BookingView } from '../../api/views.schema';
import { PhoneCall } from '../../ui/PhoneCall';

type Person = { label: string; name: string; phone: string | null };

/** A number the server sent in full (lists mask it as 138****0001): only that can be dialled. */
const isFull = (phone: string) => phone !== '' && !phone.includes('*');

/**
 * Whom the provider serves and how to reach them: the family member (with the booker as the
 * contact) or the booker themself, and an escort's companion. Masked numbers (lists, the open pool)
 * are shown as text; full ones are a tap-to-call button.
 */
export function servedPeople(booking: Pick<BookingView, 'forFamily' | 'bookerName' | 'contactPhone' | 'details'>): Person[] {
  const booker = booking.bookerName ?? '居民';
  const people: Person[] = [];
  if (booking.forFamily) {
    const relation = familyRelationLabels[booking.forFamily.relationship as keyof typeof familyRelationLabels] ?? booking.forFamily.relationship;
    people.push({ label: '服务对象', name: `${booking.forFamily.name}（预约人的${relation}）`, phone: booking.forFamily.phone });
    people.push({ label: '预约人', name: booker, phone: booking.contactPhone });
  } else {
    people.push({ label: '服务对象', name: booking.bookerName ? `${booking.bookerName}（本人预约）` : '本人预约（未留姓名）', phone: booking.contactPhone });
  }
  const companion = (booking.details as Record<string, unknown>).companionPhone;
  if (typeof companion === 'string' && companion !== '') people.push({ label: '同行家属', name: '', phone: companion });
  return people;
}

export function ServedPerson({ booking }: { booking: BookingView }) {
  return (
    <View className='served'>
      {servedPeople(booking).map((person) => {
        const callable = person.phone !== null && isFull(person.phone);
        return (
          <View key={person.label} className='served__person'>
            <View className='detail-row'>
              <Text className='detail-row__label'>{person.label}</Text>
              <View className='detail-row__value served__value'>
                {person.name ? <Text className='served__name'>{person.name}</Text> : null}
                {person.phone && !callable ? <Text className='served__phone'>{person.phone}</Text> : null}
              </View>
            </View>
            {/* Its own line: a number in elder text does not fit beside the label at 360 px. */}
            {person.phone && callable ? (
              <View className='served__call'>
                <PhoneCall phone={person.phone} who={person.name || person.label} />
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
