import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { VolunteerSkill } from '../../../../../shared/domain/volunteer/registration-codes';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { volunteerManageApi } from '../../../../src/api/volunteer-manage.api';
import type { StaffApplication } from '../../../../src/api/volunteer-manage-views.schema';
import { ChoiceGroup } from '../../../../src/components/ChoiceGroup';
import { DetailRows } from '../../../../src/components/DetailRows';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { ReasonForm } from '../../../../src/components/ReasonForm';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { manageForbiddenText, managePageRoles } from '../../../../src/features/volunteer/manage-roles';
import { formatDateTime } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { showToast } from '../../../../src/ui/feedback';
import { Tag } from '../../../../src/ui/Tag';

/** volunteer — staff: one application: who they are (ID number masked), then approve or reject with a reason. */
export default function ManageApplicationPage() {
  const { applicationId = '' } = usePageParams();
  return (
    <Page>
      <Text className='page-title'>申请详情</Text>
      <SignedIn roles={managePageRoles} forbiddenText={manageForbiddenText}>
        {() => <Loader applicationId={applicationId} />}
      </SignedIn>
    </Page>
  );
}

function Loader({ applicationId }: { applicationId: string }) {
  const state = useRequest(() => volunteerManageApi.application(applicationId), [applicationId]);
  const wayOn = (
    <Button variant='primary' size='large' onClick={() => goTo(routes.manageApplications)}>
      看全部申请
    </Button>
  );
  return (
    <RequestView state={state} wayOn={wayOn}>
      {(application) => <Detail application={application} reload={() => void state.run()} />}
    </RequestView>
  );
}

function Detail({ application: a, reload }: { application: StaffApplication; reload: () => void }) {
  const [skills, setSkills] = useState<string[]>(a.skills);
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const labelOf = (code: string) => a.skillLabels[a.skills.indexOf(code)] ?? code;
  const toggle = (code: string) => setSkills((list) => (list.includes(code) ? list.filter((s) => s !== code) : [...list, code]));

  const approve = async () => {
    if (skills.length === 0) {
      setError(null);
      showToast('请至少选一项通过的技能');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await volunteerManageApi.approve(a.id, skills as VolunteerSkill[]);
      showToast('已通过');
      reload();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const reject = async (reason: string) => {
    setError(null);
    try {
      await volunteerManageApi.reject(a.id, reason);
      setRejecting(false);
      showToast('已告知申请人');
      reload();
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  return (
    <View>
      <View className='card volunteer-status'>
        <Text className='text-key'>{a.name}</Text>
        <Tag tone={a.status === 'pending' ? 'warning' : a.status === 'approved' ? 'success' : 'default'} prominent>{a.statusLabel}</Tag>
      </View>
      <CellGroup title='申请人'>
        <View className='volunteer-rules'>
          <DetailRows
            rows={[
              { label: '性别', value: a.genderLabel || '—' },
              { label: '出生年份', value: a.birthYear ? String(a.birthYear) : '—' },
              { label: '电话', value: a.phone },
              { label: '社区', value: a.communityName ?? '—' },
              { label: '身份', value: a.backgroundLabel || '—' },
              { label: '技能', value: a.skillLabels.join('、') || '无' },
              ...(a.skillNote ? [{ label: '技能说明', value: a.skillNote }] : []),
              { label: '可服务时间', value: a.availability.map((s) => s.label).join('、') || '—' },
              ...(a.emergencyContact ? [{ label: '紧急联系人', value: `${a.emergencyContact.name} ${a.emergencyContact.phone}` }] : []),
              ...(a.health ? [{ label: '身体状况', value: `${a.health.fitForService ? '能胜任' : '不能胜任'}${a.health.conditions ? `；${a.health.conditions}` : ''}` }] : []),
              { label: '身份证号', value: a.idNumber ?? '未填写' },
              { label: '提交时间', value: formatDateTime(a.submittedAt) },
              ...(a.volunteerNumber ? [{ label: '志愿者编号', value: a.volunteerNumber }] : []),
              ...(a.decision?.reason ? [{ label: '未通过原因', value: a.decision.reason }] : []),
            ]}
          />
        </View>
      </CellGroup>

      {error ? (
        <View className='section'>
          <ErrorNotice error={error} />
        </View>
      ) : null}

      {a.status === 'pending' ? (
        rejecting ? (
          <View className='section'>
            <ReasonForm label='不通过的原因' placeholder='例如：请补充可服务时间' confirmText='不通过' onConfirm={reject} onCancel={() => setRejecting(false)} />
          </View>
        ) : (
          <View className='section'>
            <ChoiceGroup label='通过哪些技能' note='可多选' options={a.skills.map((code) => ({ value: code, label: labelOf(code) }))} value={skills} onChange={toggle} />
            <View className='card-actions'>
              <Button block disabled={busy} onClick={() => setRejecting(true)}>
                不通过
              </Button>
              <Button variant='primary' block loading={busy} onClick={() => void approve()}>
                通过
              </Button>
            </View>
          </View>
        )
      ) : null}
    </View>
  );
}
