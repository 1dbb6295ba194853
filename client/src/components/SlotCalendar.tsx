import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import {
  districtDateKey,
  formatClock,
  formatDateKey,
  formatTime,
  periodOfInstant,
  relativeDayName,
  shortDateOfKey,
  weekdayOfKey,
} from '../format/date-time';
import { ChoiceButton } from '../ui/ChoiceButton';

export type CalendarSlot = {
  startsAt: string;
  endsAt: string;
  /** Seats left; null when seats do not apply (an escort's appointment time). */
  remaining: number | null;
};

type Props = {
  /** The days across the top ('YYYY-MM-DD'), in order; days without a slot show as 无号. */
  days: string[];
  slots: CalendarSlot[];
  todayKey: string;
  /** The chosen slot's startsAt. */
  selected: string | null;
  onSelect: (slot: CalendarSlot) => void;
  /** Shown when the chosen day has no slot. */
  emptyText?: string;
  /** The day to open on when no slot is chosen, e.g. the booked day when moving a booking. */
  initialDay?: string | null;
};

type DayInfo = { key: string; slots: CalendarSlot[] };

/**
 * Free slots as a calendar: days across the top, the chosen day's times as big buttons grouped into
 * 上午 / 下午, each showing the seats left. One tap picks a time; nothing is booked yet.
 */
export function SlotCalendar({ days, slots, todayKey, selected, onSelect, emptyText = '这一天没有可约的时间，请选别的日子', initialDay }: Props) {
  const byDay = useMemo<DayInfo[]>(() => {
    const map = new Map<string, CalendarSlot[]>(days.map((key) => [key, []]));
    for (const slot of [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
      map.get(districtDateKey(slot.startsAt))?.push(slot);
    }
    return days.map((key) => ({ key, slots: map.get(key) ?? [] }));
  }, [days, slots]);

  const selectedDay = selected ? districtDateKey(selected) : null;
  const firstOpen = byDay.find((day) => day.slots.length > 0)?.key ?? days[0] ?? null;
  const [chosenDay, setChosenDay] = useState<string | null>(selectedDay ?? (initialDay && days.includes(initialDay) ? initialDay : firstOpen));
  const day = byDay.find((entry) => entry.key === chosenDay) ?? byDay.find((entry) => entry.key === firstOpen) ?? null;

  const groups = useMemo(() => {
    const out: { period: string; slots: CalendarSlot[] }[] = [];
    for (const slot of day?.slots ?? []) {
      const period = periodOfInstant(slot.startsAt);
      const group = out.find((entry) => entry.period === period);
      if (group) group.slots.push(slot);
      else out.push({ period, slots: [slot] });
    }
    return out;
  }, [day]);

  return (
    <View className={`slot-calendar${slots.length > 0 && slots.every((slot) => slot.remaining === null) ? ' slot-calendar--times-only' : ''}`}>
      <View className='slot-calendar__days'>
        {byDay.map((entry) => {
          const relative = relativeDayName(entry.key, todayKey);
          const count = entry.slots.length;
          return (
            <ChoiceButton
              key={entry.key}
              className='slot-calendar__day'
              selected={entry.key === day?.key}
              disabled={count === 0}
              onClick={() => setChosenDay(entry.key)}
            >
              <Text className='slot-calendar__weekday'>{relative || weekdayOfKey(entry.key)}</Text>
              <Text className='slot-calendar__date'>{shortDateOfKey(entry.key)}</Text>
              <Text className='slot-calendar__count'>{count > 0 ? `可约 ${count}` : '无号'}</Text>
            </ChoiceButton>
          );
        })}
      </View>

      {day ? <Text className='slot-calendar__heading'>{`${formatDateKey(day.key)} 可约时间`}</Text> : null}
      {day && day.slots.length === 0 ? <Text className='slot-calendar__empty'>{emptyText}</Text> : null}
      {groups.map((group) => (
        <View key={group.period} className='slot-calendar__group'>
          <Text className='slot-calendar__period'>{group.period}</Text>
          <View className='slot-calendar__times'>
            {group.slots.map((slot) => {
              const seats = slot.remaining === null ? '' : `剩 ${slot.remaining} 位`;
              return (
                <ChoiceButton
                  key={slot.startsAt}
                  className='slot-calendar__time'
                  selected={slot.startsAt === selected}
                  accessibleLabel={`${formatDateKey(districtDateKey(slot.startsAt))} ${formatTime(slot.startsAt)}${seats ? `，${seats}` : ''}`}
                  onClick={() => onSelect(slot)}
                >
                  <Text className='slot-calendar__clock'>{formatClock(slot.startsAt)}</Text>
                  {seats ? <Text className='slot-calendar__seats'>{seats}</Text> : null}
                </ChoiceButton>
              );
            })}
          </View>
        </View>
      ))}
    </View>
  );
}
