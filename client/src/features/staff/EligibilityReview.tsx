import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../api/api-error';
import { staffApi } from '../../api/staff.api';
import type { BookingView } from '../../api/views.schema';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ReasonForm } from '../../components/ReasonForm';
import { Button } from '../../ui/Button';
import { showToast } from '../../ui/feedback';
import { escortEligibilityLabels } from '../../../../shared/domain/service-kinds';

/**
 * Staff check the hardship group an escort request claims: verified makes it free of charge;
 * not verified needs a reason the resident will read. Shown only while the server allows it.
 */
export function EligibilityReview({ booking, onDone }: { booking: BookingView; onDone: (updated: BookingView) => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!booking.allowedActions.includes('verify_eligibility')) return null;
  const claimed = (booking.details as { eligibility?: string }).eligibility;
  const group = claimed && claimed in escortEligibilityLabels ? escortEligibilityLabels[claimed as keyof typeof escortEligibilityLabels] : '困难群体';
  const decide = async (verdict: 'verified' | 'rejected', reason?: string) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await staffApi.reviewEligibility(booking.id, verdict, reason);
      showToast(verdict === 'verified' ? '已核实，本次免费' : '已记为未通过');
      setRejecting(false);
      onDone(updated);
    } catch (caught) {
      setError(toApiError(caught));
      throw caught;
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card staff-eligibility'>
      <Text className='card__title'>{`困难群体身份待核实：${group}`}</Text>
      <Text className='page-subtitle'>请核对证件或台账。核实后本次陪诊免费；不通过时请写明原因，居民会看到。</Text>
      {error ? <ErrorNotice error={error} /> : null}
      {rejecting ? (
        <ReasonForm label='不通过的原因' confirmText='确认不通过' onConfirm={(reason) => decide('rejected', reason)} onCancel={() => setRejecting(false)} />
      ) : (
        <View className='card-actions'>
          <Button block disabled={busy} onClick={() => setRejecting(true)}>
            不通过
          </Button>
          <Button variant='primary' block loading={busy} onClick={() => void decide('verified').catch(() => undefined)}>
            核实通过
          </Button>
        </View>
      )}
    </View>
  );
}
