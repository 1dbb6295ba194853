import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { staffApi } from '../../../../src/api/staff.api';
import type { DistrictSettings } from '../../../../src/api/staff-views.schema';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { formatDateKey } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { Field } from '../../../../src/ui/Field';
import { showToast } from '../../../../src/ui/feedback';
import { rolesFor } from '../../../../../shared/domain/permissions';
import { isCalendarDate } from '../../../../../shared/domain/time';
import { measureLabels, serviceTargetMeasures, type ServiceTargetMeasure } from '../../../../../shared/domain/dashboard-measures';

/** Admin's district settings: each 街道's escort places per day, the year's targets (training and each service), holidays. */
export default function DistrictSettingsPage() {
  const year = new Date().getFullYear();
  return (
    <Page>
      <Text className='page-title'>区级设置</Text>
      <SignedIn roles={rolesFor('staff.districtSettings')} forbiddenText='只有区民政局管理员可以修改区级设置。'>
        {() => <Settings year={year} />}
      </SignedIn>
    </Page>
  );
}

function Settings({ year }: { year: number }) {
  const state = useRequest(() => staffApi.districtSettings(year), [year]);
  return (
    <RequestView state={state}>
      {(settings) => (
        <View>
          <EscortPlaces settings={settings} />
          <TrainingTargets settings={settings} onSaved={() => void state.run()} />
          {serviceTargetMeasures.map((measure) => (
            <ServiceTargets key={measure} measure={measure} settings={settings} onSaved={() => void state.run()} />
          ))}
          <Holidays settings={settings} onSaved={() => void state.run()} />
        </View>
      )}
    </RequestView>
  );
}

function useSaving() {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (step: () => Promise<unknown>, done: string, after?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await step();
      showToast(done);
      after?.();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, save };
}

function EscortPlaces({ settings }: { settings: DistrictSettings }) {
  const [values, setValues] = useState(() => Object.fromEntries(settings.streets.map((s) => [s.streetId, String(s.escortDailyCapacity)])));
  const { error, busy, save } = useSaving();
  return (
    <CellGroup title='陪诊名额（每个街道每天）'>
      {settings.streets.map((street) => {
        const valid = /^\d{1,3}$/.test(values[street.streetId] ?? '') && Number(values[street.streetId]) <= 200;
        return (
          <View key={street.streetId} className='card'>
            <Field label={street.name} type='number' value={values[street.streetId] ?? ''} error={valid ? undefined : '请填 0–200 的整数'}
              onChange={(v) => setValues({ ...values, [street.streetId]: v })} />
            <Button block disabled={!valid || busy} onClick={() => void save(() => staffApi.setEscortCapacity(street.streetId, Number(values[street.streetId])), `${street.name}已保存`)}>
              保存
            </Button>
          </View>
        );
      })}
      {error ? <ErrorNotice error={error} /> : null}
    </CellGroup>
  );
}

function TrainingTargets({ settings, onSaved }: { settings: DistrictSettings; onSaved: () => void }) {
  const targets = settings.trainingTargets;
  const [values, setValues] = useState(() =>
    Object.fromEntries(settings.streets.map((s) => [s.streetId, String(targets.streets.find((t) => t.streetId === s.streetId)?.target ?? 0)])),
  );
  const { error, busy, save } = useSaving();
  const total = Object.values(values).reduce((sum, v) => sum + (Number(v) || 0), 0);
  const allValid = Object.values(values).every((v) => /^\d{1,7}$/.test(v));
  return (
    <CellGroup title={`${targets.year}年智能技术培训指标（人次）`}>
      {settings.streets.map((street) => (
        <Field key={street.streetId} label={street.name} type='number' value={values[street.streetId] ?? ''} onChange={(v) => setValues({ ...values, [street.streetId]: v })} />
      ))}
      <Text className='page-subtitle'>{`全区合计：${total} 人次${targets.districtTotal !== null ? `（现在的指标 ${targets.districtTotal}）` : ''}`}</Text>
      {error ? <ErrorNotice error={error} /> : null}
      <Button variant='primary' block disabled={!allValid || busy} onClick={() =>
        void save(() => staffApi.setTrainingTargets(targets.year, total, settings.streets.map((s) => ({ streetId: s.streetId, target: Number(values[s.streetId]) }))), '培训指标已保存', onSaved)}>
        保存培训指标
      </Button>
    </CellGroup>
  );
}

/** A year's target of one service (advisor consultations, escorts, counseling sessions), per 街道; the district's is their sum. */
function ServiceTargets({ measure, settings, onSaved }: { measure: ServiceTargetMeasure; settings: DistrictSettings; onSaved: () => void }) {
  const current = settings.serviceTargets.find((t) => t.measure === measure);
  const [values, setValues] = useState(() =>
    Object.fromEntries(settings.streets.map((s) => [s.streetId, String(current?.streets.find((t) => t.streetId === s.streetId)?.target ?? 0)])),
  );
  const { error, busy, save } = useSaving();
  const total = Object.values(values).reduce((sum, v) => sum + (Number(v) || 0), 0);
  const allValid = Object.values(values).every((v) => /^\d{1,7}$/.test(v));
  const { name, unit } = measureLabels[measure];
  const year = settings.trainingTargets.year;
  return (
    <CellGroup title={`${year}年${name}指标（${unit}）`}>
      {settings.streets.map((street) => (
        <Field key={street.streetId} label={street.name} type='number' value={values[street.streetId] ?? ''} error={/^\d{1,7}$/.test(values[street.streetId] ?? '') ? undefined : '请填整数'}
          onChange={(v) => setValues({ ...values, [street.streetId]: v })} />
      ))}
      <Text className='page-subtitle'>{`全区合计：${total} ${unit}${current?.districtTotal !== null && current?.districtTotal !== undefined ? `（现在的指标 ${current.districtTotal}）` : '（还没有设置）'}`}</Text>
      {error ? <ErrorNotice error={error} /> : null}
      <Button variant='primary' block disabled={!allValid || busy} onClick={() =>
        void save(() => staffApi.setServiceTargets(year, measure, total, settings.streets.map((s) => ({ streetId: s.streetId, target: Number(values[s.streetId]) }))), `${name}指标已保存`, onSaved)}>
        {`保存${name}指标`}
      </Button>
    </CellGroup>
  );
}

function Holidays({ settings, onSaved }: { settings: DistrictSettings; onSaved: () => void }) {
  const [holidays, setHolidays] = useState(settings.holidays);
  const [adding, setAdding] = useState('');
  const { error, busy, save } = useSaving();
  useEffect(() => setHolidays(settings.holidays), [settings.holidays]);
  const valid = isCalendarDate(adding);
  return (
    <CellGroup title='法定节假日（这些天不开放预约）'>
      {holidays.length === 0 ? <Text className='page-subtitle'>还没有设置节假日</Text> : null}
      {holidays.map((date) => (
        <View key={date} className='card-actions'>
          <Text className='audit-entry__line'>{formatDateKey(date)}</Text>
          <Button onClick={() => setHolidays(holidays.filter((d) => d !== date))}>删除</Button>
        </View>
      ))}
      <Field label='添加一天（如 2027-01-01）' value={adding} error={adding === '' || valid ? undefined : '请按 2027-01-01 的格式填写'} onChange={setAdding} />
      <Button block disabled={!valid} onClick={() => {
        setHolidays([...new Set([...holidays, adding])].sort());
        setAdding('');
      }}>
        添加
      </Button>
      {error ? <ErrorNotice error={error} /> : null}
      <Button variant='primary' block disabled={busy} onClick={() => void save(() => staffApi.setHolidayCalendar(holidays, settings.workdays), '节假日已保存；受影响的预约已通知居民', onSaved)}>
        保存节假日
      </Button>
    </CellGroup>
  );
}
