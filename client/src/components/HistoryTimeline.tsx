import { Text, View } from '@tarojs/components';
import type { HistoryEntry } from '../api/views.schema';
import { actorLabel, historyActionLabel, statusLabel } from '../features/booking/booking-labels';
import { formatDateTime } from '../format/date-time';

/** What happened to a booking, oldest first: who did what, when, and why. */
export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  const entries = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <View className='timeline'>
      {entries.map((entry, index) => (
        <View key={`${entry.at}-${index}`} className={`timeline__item${index === entries.length - 1 ? ' timeline__item--last' : ''}`}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__title'>{`${historyActionLabel(entry.action, entry.to)} · ${statusLabel(entry.to)}`}</Text>
            <Text className='timeline__meta'>{`${formatDateTime(entry.at)}  ${actorLabel(entry.actorRole)}`}</Text>
            {entry.reason ? <Text className='timeline__reason'>{`原因：${entry.reason}`}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
