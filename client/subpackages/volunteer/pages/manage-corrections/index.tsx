import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { volunteerManageApi } from '../../../../src/api/volunteer-manage.api';
import type { Correction } from '../../../../src/api/volunteer-manage-views.schema';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { ReasonForm } from '../../../../src/components/ReasonForm';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { hoursText } from '../../../../src/features/volunteer/manage-labels';
import { manageForbiddenText, managePageRoles } from '../../../../src/features/volunteer/manage-roles';
import { formatDateTime, formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { Button } from '../../../../src/ui/Button';
import { Empty } from '../../../../src/ui/Empty';
import { showToast } from '../../../../src/ui/feedback';

/** volunteer — staff: volunteers' requests to change confirmed hours, oldest first: agree, or not with a reason. */
export default function ManageCorrectionsPage() {
  return (
    <Page>
      <Text className='page-title'>时长更正申请</Text>
      <SignedIn roles={managePageRoles} forbiddenText={manageForbiddenText}>
        {() => <Corrections />}
      </SignedIn>
    </Page>
  );
}

function Corrections() {
  const state = useRequest(() => volunteerManageApi.corrections(), []);
  useShownAgain(() => void state.run());
  return (
    <RequestView state={state}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty description='没有等待处理的更正申请' />
        ) : (
          <View className='flow-cards'>
            {data.items.map((item) => (
              <CorrectionCard key={`${item.activityId}:${item.volunteerId}`} item={item} reload={() => void state.run()} />
            ))}
          </View>
        )
      }
    </RequestView>
  );
}

function CorrectionCard({ item, reload }: { item: Correction; reload: () => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const name = item.name ?? '志愿者';
  const decide = async (input: { decision: 'approve'; hours: number } | { decision: 'reject'; reason: string }) => {
    setError(null);
    setBusy(true);
    try {
      await volunteerManageApi.decideCorrection({ activityId: item.activityId, volunteerId: item.volunteerId, ...input });
      showToast(input.decision === 'approve' ? '已同意，时长已更正' : '已告知志愿者');
      reload();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card volunteer-mine'>
      <Text className='text-key'>{`${name}：${item.title}`}</Text>
      <Text className='volunteer-activity__line'>{formatRange(item.startsAt, item.startsAt)}</Text>
      <Text className='volunteer-activity__line'>{`现在记 ${hoursText(item.hours)}，申请改为 ${hoursText(item.requestedHours ?? item.hours)}`}</Text>
      {item.reason ? <Text className='volunteer-activity__line'>{`理由：${item.reason}`}</Text> : null}
      <Text className='volunteer-note'>{`申请于 ${formatDateTime(item.requestedAt)}`}</Text>
      {error ? <ErrorNotice error={error} /> : null}
      {rejecting ? (
        <ReasonForm label='不同意的原因' confirmText='不同意' onConfirm={(reason) => decide({ decision: 'reject', reason })} onCancel={() => setRejecting(false)} />
      ) : (
        <View className='card-actions'>
          <Button block disabled={busy} onClick={() => setRejecting(true)} accessibleLabel={`不同意${name}的更正`}>
            不同意
          </Button>
          <Button variant='primary' block loading={busy} accessibleLabel={`同意${name}的更正`} onClick={() => void decide({ decision: 'approve', hours: item.requestedHours ?? item.hours })}>
            同意
          </Button>
        </View>
      )}
    </View>
  );
}
