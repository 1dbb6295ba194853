import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { documentsApi } from '../../../../src/api/documents.api';
import type { IssuedCertificate } from '../../../../src/api/documents-views.schema';
import { volunteerApi } from '../../../../src/api/volunteer.api';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { hoursInPeriod, hoursText } from '../../../../src/features/volunteer/certificate-period';
import { PeriodChooser, usePeriodChoice } from '../../../../src/features/volunteer/PeriodChooser';
import { openDocument } from '../../../../src/files/open-document';
import { districtDateKey } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { Button } from '../../../../src/ui/Button';
import { Cell, CellGroup } from '../../../../src/ui/Cell';
import { ChoiceButton } from '../../../../src/ui/ChoiceButton';
import { Field } from '../../../../src/ui/Field';
import { showToast } from '../../../../src/ui/feedback';

/** 志愿服务记录证明: pick a period, see the hours it covers, download it; earlier ones again below. */
export default function VolunteerCertificatePage() {
  return (
    <Page>
      <Text className='page-title'>志愿服务记录证明</Text>
      <SignedIn roles={['volunteer']} forbiddenText='成为志愿者后才能开具服务记录证明。'>
        {() => <Certificate />}
      </SignedIn>
    </Page>
  );
}

function Certificate() {
  const period = usePeriodChoice();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const hours = useRequest(() => volunteerApi.myHours(), []);
  const issued = useRequest(() => documentsApi.myCertificates(), []);
  const { chosen } = period;

  async function download(key: string, request: () => ReturnType<typeof documentsApi.certificate>) {
    setBusy(key);
    setError(null);
    try {
      await openDocument(await request());
      showToast('证明已生成');
      void issued.run();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className='certificate'>
      <PeriodChooser label='证明的时间段' block='certificate' state={period} />
      <RequestView state={hours}>
        {(data) => {
          if (!('period' in chosen)) return null;
          const covered = hoursInPeriod(data.items, chosen.period);
          return (
            <View className='card certificate__summary'>
              <Text className='certificate__line'>{`${chosen.period.from} 至 ${chosen.period.to}`}</Text>
              <Text className='text-key certificate__hours'>{covered.activities > 0 ? `已确认 ${covered.activities} 次活动，共 ${hoursText(covered.hours)} 小时` : '这段时间还没有已确认的服务时长'}</Text>
              {covered.pendingHours > 0 ? <Text className='certificate__line'>{`另有 ${hoursText(covered.pendingHours)} 小时待组织者确认，确认后才能写进证明`}</Text> : null}
              {error ? <ErrorNotice error={error} /> : null}
              <Button variant='primary' size='large' disabled={covered.activities === 0 || busy !== null} loading={busy === 'issue'}
                onClick={() => void download('issue', () => documentsApi.issueCertificate(chosen.period.from, chosen.period.to))}>
                下载证明
              </Button>
              <Text className='certificate__note'>证明上有二维码，别人扫码即可核验真伪。证件号码只显示部分。</Text>
            </View>
          );
        }}
      </RequestView>
      <RequestView state={issued}>
        {(data) => (data.items.length === 0 ? null : <IssuedList items={data.items} busy={busy} onOpen={(serial) => void download(serial, () => documentsApi.certificate(serial))} />)}
      </RequestView>
    </View>
  );
}

function IssuedList({ items, busy, onOpen }: { items: IssuedCertificate[]; busy: string | null; onOpen: (serial: string) => void }) {
  return (
    <CellGroup title='开过的证明（点一下再次下载）'>
      {items.map((item) => (
        <Cell key={item.serial} title={`${item.period.from} 至 ${item.period.to}`} value={busy === item.serial ? '正在生成…' : `${hoursText(item.totalHours)} 小时`}
          label={`编号 ${item.serial} · 开具于 ${item.issueDate ?? districtDateKey(item.issuedAt)}`} onClick={() => onOpen(item.serial)} />
      ))}
    </CellGroup>
  );
}
