import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../api/api-error';
import { staffApi } from '../../api/staff.api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RequestView } from '../../components/RequestView';
import { formatClock } from '../../format/date-time';
import { useRequest } from '../../hooks/use-request';
import { Button } from '../../ui/Button';
import { showToast } from '../../ui/feedback';

/**
 * The escorts who may take a request, each with their day (times and hospitals), free ones first:
 * staff assign, or hand a confirmed job to another escort.
 */
export function EscortPicker({ bookingId, onAssigned }: { bookingId: string; onAssigned: () => void }) {
  const state = useRequest(() => staffApi.escortDay(bookingId), [bookingId]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const assign = async (providerId: string, name: string) => {
    setBusy(providerId);
    setError(null);
    try {
      await staffApi.assignEscort(bookingId, providerId);
      showToast(`已指派给${name}`);
      onAssigned();
    } catch (caught) {
      setError(toApiError(caught));
      void state.run();
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className='staff-escorts'>
      {error ? <ErrorNotice error={error} /> : null}
      <RequestView state={state}>
        {(day) => (
          <View>
            {[...day.escorts]
              .sort((a, b) => Number(b.freeAtRequest) - Number(a.freeAtRequest))
              .map((escort) => (
                <View key={escort.providerId} className='card staff-escort'>
                  <Text className='card__title'>{`${escort.name}${escort.assigned ? '（当前陪诊员）' : ''}`}</Text>
                  <Text className={escort.freeAtRequest ? 'staff-escort__free' : 'staff-escort__busy'}>{escort.freeAtRequest ? '这个时间有空' : '这个时间已有任务'}</Text>
                  {escort.jobs.length === 0 ? (
                    <Text className='staff-escort__jobs'>当天没有其他任务</Text>
                  ) : (
                    escort.jobs.map((job) => (
                      <Text key={job.startsAt} className='staff-escort__jobs'>{`${formatClock(job.startsAt)}–${formatClock(job.endsAt)} ${job.hospital ?? ''}`}</Text>
                    ))
                  )}
                  {!escort.assigned ? (
                    <Button
                      variant={escort.freeAtRequest ? 'primary' : 'default'}
                      block
                      disabled={!escort.freeAtRequest || busy !== null}
                      loading={busy === escort.providerId}
                      accessibleLabel={`指派给${escort.name}`}
                      onClick={() => void assign(escort.providerId, escort.name)}
                    >
                      指派给他/她
                    </Button>
                  ) : null}
                </View>
              ))}
          </View>
        )}
      </RequestView>
    </View>
  );
}
