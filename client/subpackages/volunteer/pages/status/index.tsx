import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { volunteerApi } from '../../../../src/api/volunteer.api';
import type { MyApplication } from '../../../../src/api/volunteer-views.schema';
import { DetailRows } from '../../../../src/components/DetailRows';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { formatDateTime } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, routes } from '../../../../src/navigation/routes';
import { useSession } from '../../../../src/session/session-context';
import { Button } from '../../../../src/ui/Button';
import { Cell, CellGroup } from '../../../../src/ui/Cell';
import { confirm, showToast } from '../../../../src/ui/feedback';
import { Tag } from '../../../../src/ui/Tag';

/**
 * 银龄行动's front door and the page the application notices open (`?applicationId=` is accepted but
 * not needed: a person has one current application, and the page always shows the latest).
 */
export default function VolunteerStatusPage() {
  return (
    <Page>
      <Text className='page-title'>银龄行动</Text>
      <SignedIn>{() => <Status />}</SignedIn>
    </Page>
  );
}

function Status() {
  const state = useRequest(() => volunteerApi.myApplication(), []);
  // Back from the form: the new application is shown at once.
  useShownAgain(() => void state.run());
  return (
    <View>
      <RequestView state={state}>{(data) => <StatusBody data={data} reload={() => void state.run()} />}</RequestView>
      {/* volunteer — client: elders (or their family) sign up for the smartphone classes here, volunteers or not. */}
      <CellGroup title='给老人报名'>
        <Cell title='智能手机课报名' label='志愿者老师教老人用手机，免费' onClick={() => goTo(routes.volunteerClasses)} />
      </CellGroup>
    </View>
  );
}

function StatusBody({ data, reload }: { data: MyApplication; reload: () => void }) {
  const current = data.current;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Approval grants the volunteer role (leaving takes it away) on the server: the session loaded before
  // holds the old roles, and the activity pages would refuse a fresh volunteer until a restart.
  const session = useSession();
  const volunteerNow = current?.status === 'approved';
  const volunteerInSession = session.user?.roles.includes('volunteer') ?? false;
  useEffect(() => {
    if (session.user && volunteerNow !== volunteerInSession) void session.refresh();
  }, [volunteerNow, volunteerInSession]);
  const run = async (question: { title: string; content: string; confirmText: string }, action: () => Promise<unknown>, done: string) => {
    if (!(await confirm({ ...question, cancelText: '不了', danger: true }))) return;
    setBusy(true);
    setError(null);
    try {
      await action();
      showToast(done);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
      reload();
    }
  };
  // Shown masked only; deleting it removes it from every application (history too).
  const idNumber = current?.idNumber ? (
    <View className='card volunteer-status'>
      <Text className='volunteer-status__text'>{`身份证号：${current.idNumber}`}</Text>
      <Button block disabled={busy} onClick={() => void run({ title: '删除身份证号？', content: '删除后服务证明上不写身份证号，以后可以重新申请时再填。', confirmText: '删除' }, () => volunteerApi.deleteIdNumber(), '已删除身份证号')}>
        删除身份证号
      </Button>
    </View>
  ) : null;
  const failure = error ? <ErrorNotice error={error} /> : null;
  const lastRejected = data.history.find((line) => line.status === 'rejected');
  if (current?.status === 'pending') {
    return (
      <View>
        <View className='card volunteer-status'>
          <Tag tone='warning' prominent>待审核</Tag>
          <Text className='text-key'>申请已交给街道审核</Text>
          <Text className='volunteer-status__text'>{`提交时间：${formatDateTime(current.submittedAt)}。审核后会在消息里通知您。`}</Text>
        </View>
        <View className='section'>{idNumber}</View>
        {failure}
      </View>
    );
  }
  if (current?.status === 'approved') {
    return (
      <View>
        <View className='card volunteer-status'>
          <Tag tone='success' prominent>已通过</Tag>
          <Text className='volunteer-status__text'>志愿者编号</Text>
          <Text className='text-key volunteer-status__number'>{current.volunteerNumber ?? ''}</Text>
          <DetailRows rows={[{ label: '认可的技能', value: (current.decision?.skillLabels.length ? current.decision.skillLabels : current.skillLabels).join('、') }]} />
        </View>
        <View className='section'>
          <Button variant='primary' size='large' onClick={() => goTo(routes.volunteerActivities)}>
            看看能报名的活动
          </Button>
        </View>
        <View className='section'>
          <Button size='large' onClick={() => goTo(routes.volunteerMine)}>
            我报名的活动
          </Button>
        </View>
        <View className='section'>
          <Button size='large' onClick={() => goTo(routes.volunteerHours)}>
            我的服务时长
          </Button>
        </View>
        {/* documents — certificates */}
        <View className='section'>
          <Button size='large' onClick={() => goTo(routes.volunteerCertificate)}>
            开具服务记录证明
          </Button>
        </View>
        <View className='section'>{idNumber}</View>
        {failure}
        <View className='section'>
          <Button variant='danger' block disabled={busy}
            onClick={() => void run({ title: '退出志愿者队伍？', content: '退出后不能再报名活动，服务记录和志愿者编号都会保留，以后可以再申请。', confirmText: '退出' }, () => volunteerApi.leave(), '已退出')}>
            退出志愿者队伍
          </Button>
        </View>
      </View>
    );
  }
  // No open application: never applied, rejected last time, or left.
  const rejected = current === null && lastRejected && data.history[0]?.id === lastRejected.id;
  return (
    <View>
      {rejected ? (
        <View className='card volunteer-status'>
          <Tag tone='danger' prominent>未通过</Tag>
          <Text className='volunteer-status__text'>{`原因：${lastRejected.reason ?? '街道没有写原因'}`}</Text>
          <Text className='volunteer-status__text'>您可以按原因修改后重新申请。</Text>
        </View>
      ) : data.history[0]?.status === 'left' ? (
        <View className='card volunteer-status'>
          <Tag prominent>已退出</Tag>
          <Text className='volunteer-status__text'>您已退出志愿者队伍，服务记录都还保留着。想回来可以再申请。</Text>
        </View>
      ) : (
        <View className='card volunteer-status'>
          <Text className='text-key'>成为银龄志愿者</Text>
          <Text className='volunteer-status__text'>退休的老师、专家、干部、党员，都可以用自己的本事帮助身边的老人：教用手机、陪诊、节日探访、文艺演出。</Text>
        </View>
      )}
      {data.mayApply ? (
        <View className='section'>
          <Button variant='primary' size='large' onClick={() => goTo(routes.volunteerApply)}>
            {rejected ? '重新申请' : data.history.length > 0 ? '再次申请' : '申请成为志愿者'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
