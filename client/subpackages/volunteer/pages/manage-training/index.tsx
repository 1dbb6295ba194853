import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { volunteerManageApi } from '../../../../src/api/volunteer-manage.api';
import type { TrainingProgress } from '../../../../src/api/volunteer-manage-views.schema';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { manageForbiddenText, managePageRoles, maySetTrainingTargets } from '../../../../src/features/volunteer/manage-roles';
import { useRequest } from '../../../../src/hooks/use-request';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { Field } from '../../../../src/ui/Field';
import { showToast } from '../../../../src/ui/feedback';
import { shareText } from '../../../../src/format/share';


/**
 * volunteer — staff: the year's smart-technology training: person-times (人次) and persons (人数)
 * per 街道 and 社区 against the targets; admin sets the district total and its split over the streets.
 */
export default function ManageTrainingPage() {
  return (
    <Page>
      <Text className='page-title'>培训进度</Text>
      <SignedIn roles={managePageRoles} forbiddenText={manageForbiddenText}>
        {(user) => <Progress user={user} />}
      </SignedIn>
    </Page>
  );
}

function Progress({ user }: { user: PublicUser }) {
  const state = useRequest(() => volunteerManageApi.trainingProgress(), []);
  return (
    <RequestView state={state}>
      {(data) => (
        <View>
          {data.district ? (
            <View className='card volunteer-status'>
              <Text className='text-key'>{`${data.year} 年全区`}</Text>
              <Text className='volunteer-status__text'>{`${data.district.personTimes} 人次，${data.district.persons} 人`}</Text>
              <Text className='volunteer-status__text'>{data.district.target === null ? '未设指标' : `指标 ${data.district.target} 人次，完成 ${shareText(data.district.share)}`}</Text>
            </View>
          ) : (
            <Text className='volunteer-note'>{`${data.year} 年`}</Text>
          )}
          {data.streets.map((street) => (
            <CellGroup key={street.streetId} title={street.name}>
              <View className='volunteer-role'>
                <Text className='volunteer-role__name'>{`${street.personTimes} 人次，${street.persons} 人`}</Text>
                <Text className='volunteer-role__name'>{street.target === null ? '未设指标' : `指标 ${street.target} 人次，完成 ${shareText(street.share)}`}</Text>
                {street.communities.map((c) => (
                  <Text key={c.communityId} className='volunteer-note'>{`${c.name}：${c.personTimes} 人次，${c.persons} 人`}</Text>
                ))}
              </View>
            </CellGroup>
          ))}
          {maySetTrainingTargets(user.roles) ? <TargetsForm progress={data} onSaved={() => void state.run()} /> : null}
        </View>
      )}
    </RequestView>
  );
}

function TargetsForm({ progress, onSaved }: { progress: TrainingProgress; onSaved: () => void }) {
  const [total, setTotal] = useState(progress.district?.target === null || !progress.district ? '' : String(progress.district.target));
  const [streets, setStreets] = useState<Record<string, string>>(() => Object.fromEntries(progress.streets.map((s) => [s.streetId, s.target === null ? '' : String(s.target)])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const n = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);
  const sum = progress.streets.reduce((s, street) => s + (n(streets[street.streetId] ?? '') || 0), 0);

  const save = async () => {
    const found: Record<string, string> = {};
    if (Number.isNaN(n(total))) found.total = '请填写全区指标（整数）';
    for (const street of progress.streets) if (Number.isNaN(n(streets[street.streetId] ?? ''))) found[street.streetId] = '请填写整数，没有就填 0';
    if (!found.total && Object.keys(found).length === 0 && sum !== n(total)) found.total = `各街道之和（${sum}）要等于全区指标`;
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await volunteerManageApi.setTrainingTargets({ year: progress.year, districtTotal: n(total), streets: progress.streets.map((s) => ({ streetId: s.streetId, target: n(streets[s.streetId] ?? '') })) });
      showToast('指标已保存');
      onSaved();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <CellGroup title={`设定 ${progress.year} 年指标（人次）`}>
      <View className='volunteer-consent'>
        <Field label='全区指标' type='number' required value={total} error={errors.total} onChange={setTotal} />
        {progress.streets.map((s) => (
          <Field key={s.streetId} label={`${s.name}指标`} type='number' required value={streets[s.streetId] ?? ''} error={errors[s.streetId]}
            onChange={(v) => setStreets((all) => ({ ...all, [s.streetId]: v }))} />
        ))}
        <Text className='volunteer-note'>{`各街道合计 ${sum} 人次`}</Text>
        {error ? <ErrorNotice error={error} /> : null}
        <Button variant='primary' size='large' loading={busy} onClick={() => void save()}>
          保存指标
        </Button>
      </View>
    </CellGroup>
  );
}
