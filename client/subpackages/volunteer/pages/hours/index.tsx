import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { volunteerApi } from '../../../../src/api/volunteer.api';
import type { HoursRecord, MyHours } from '../../../../src/api/volunteer-views.schema';
import { DetailRows } from '../../../../src/components/DetailRows';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import {
  correctionReasonOf,
  hoursStatusLabels,
  hoursText,
  mayRequestCorrection,
  rejectionReasonOf,
} from '../../../../src/features/volunteer/attendance-labels';
import { districtDateKey, formatDateKey, formatTime } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, routes } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { Empty } from '../../../../src/ui/Empty';
import { Field } from '../../../../src/ui/Field';
import { showToast } from '../../../../src/ui/feedback';
import { Tag } from '../../../../src/ui/Tag';

/**
 * The volunteer's hours ledger: totals (only hours the organizer has confirmed count), each record
 * with its state, a correction request on a decided one, and the way to the certificate.
 * Notices of hours decisions open this page.
 */
export default function VolunteerHoursPage() {
  return (
    <Page>
      <Text className='page-title'>我的服务时长</Text>
      <SignedIn roles={['volunteer']} forbiddenText='通过志愿者审核后，服务时长会记在这里。'>
        {() => <Hours />}
      </SignedIn>
    </Page>
  );
}

function Hours() {
  const state = useRequest(() => volunteerApi.myHours(), []);
  useShownAgain(() => void state.run());
  return <RequestView state={state}>{(data) => <HoursBody data={data} reload={() => void state.run()} />}</RequestView>;
}

function HoursBody({ data, reload }: { data: MyHours; reload: () => void }) {
  return (
    <View>
      <View className='card volunteer-hours__totals'>
        <DetailRows
          rows={[
            { label: `${data.year} 年`, value: hoursText(data.yearTotal) },
            { label: '累计', value: hoursText(data.allTimeTotal) },
            { label: '待确认', value: hoursText(data.pendingTotal) },
          ]}
        />
        <Text className='volunteer-note'>组织者确认后的时长才算进合计。</Text>
      </View>
      <View className='section'>
        <Button size='large' onClick={() => goTo(routes.volunteerCertificate)}>
          开具服务证明
        </Button>
      </View>
      {data.items.length === 0 ? (
        <Empty description='还没有服务记录。参加活动时签到、签退，时长就会记在这里。'>
          <Button variant='primary' size='large' onClick={() => goTo(routes.volunteerMine)}>
            我报名的活动
          </Button>
        </Empty>
      ) : (
        <CellGroup title='每次服务'>
          {data.items.map((record) => (
            <HoursCard key={record.activityId} record={record} reload={reload} />
          ))}
        </CellGroup>
      )}
    </View>
  );
}

const statusTone = { pending: 'warning', confirmed: 'success', corrected: 'primary', correction_requested: 'warning' } as const;

function HoursCard({ record, reload }: { record: HoursRecord; reload: () => void }) {
  const [asking, setAsking] = useState(false);
  const reason = correctionReasonOf(record);
  const rejected = rejectionReasonOf(record);
  return (
    <View className='card volunteer-hours__record'>
      <Text className='text-key volunteer-activity__title'>{record.title}</Text>
      <Tag tone={statusTone[record.status]} prominent>{hoursStatusLabels[record.status]}</Tag>
      <DetailRows
        rows={[
          { label: '日期', value: formatDateKey(districtDateKey(record.startsAt)) },
          { label: '签到', value: formatTime(record.checkInAt) },
          { label: '签退', value: record.autoClosed ? `${formatTime(record.checkOutAt)}（忘了签退，按活动结束记）` : formatTime(record.checkOutAt) },
          { label: '时长', value: hoursText(record.hours) },
          ...(record.status === 'corrected' && reason ? [{ label: '更正原因', value: reason }] : []),
          ...(record.status === 'correction_requested' && record.requestedHours !== null ? [{ label: '申请改为', value: hoursText(record.requestedHours) }] : []),
          ...(rejected ? [{ label: '更正没有通过', value: rejected }] : []),
        ]}
      />
      {mayRequestCorrection(record) && !asking ? (
        <Button block accessibleLabel={`申请更正 ${record.title}`} onClick={() => setAsking(true)}>
          申请更正
        </Button>
      ) : null}
      {asking ? <CorrectionForm record={record} onDone={() => { setAsking(false); reload(); }} onCancel={() => setAsking(false)} /> : null}
    </View>
  );
}

const reasonLimit = 200;

function CorrectionForm({ record, onDone, onCancel }: { record: HoursRecord; onDone: () => void; onCancel: () => void }) {
  const [hours, setHours] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ hours?: string; reason?: string }>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const value = Number(hours.trim());
    const found = {
      hours: hours.trim() === '' || !Number.isFinite(value) ? '请填写时长，例如 2 或 1.5' : value < 0 || value > 24 || !Number.isInteger(value * 2) ? '时长按半小时计，0 到 24，例如 1.5' : undefined,
      reason: reason.trim() === '' ? '请写明为什么要更正' : undefined,
    };
    setErrors(found);
    if (found.hours || found.reason) return;
    setBusy(true);
    setFailure(null);
    try {
      await volunteerApi.requestCorrection(record.activityId, value, reason.trim());
      showToast('更正申请已提交');
      onDone();
    } catch (caught) {
      const error = toApiError(caught);
      const fields = error.code === 'VALIDATION_FAILED' ? error.fieldErrors() : {};
      if (fields.hours || fields.reason) setErrors({ hours: fields.hours, reason: fields.reason });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='volunteer-hours__form'>
      <Field label='应该是多少小时' type='number' value={hours} required placeholder='例如 2.5' hint='按半小时计' error={errors.hours} onChange={setHours} />
      <Field label='更正原因' multiline value={reason} required maxLength={reasonLimit} hint={`必填，最多 ${reasonLimit} 字`}
        placeholder='例如：签退晚了，实际服务到 11 点' error={errors.reason} onChange={setReason} />
      {failure ? <ErrorNotice error={failure} /> : null}
      <View className='card-actions'>
        <Button block disabled={busy} onClick={onCancel}>
          不改了
        </Button>
        <Button variant='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
          提交更正申请
        </Button>
      </View>
    </View>
  );
}
