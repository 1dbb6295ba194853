import { Text, View } from '@tarojs/components';
import { volunteerManageApi } from '../../../../src/api/volunteer-manage.api';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { manageForbiddenText, managePageRoles } from '../../../../src/features/volunteer/manage-roles';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, routes, type Route } from '../../../../src/navigation/routes';
import { Cell, CellGroup } from '../../../../src/ui/Cell';
import { Tappable } from '../../../../src/ui/Tappable';

/** volunteer — staff: the hub: what waits for the 街道 today, and the way to each part. */
export default function ManageHubPage() {
  return (
    <Page>
      <Text className='page-title'>银龄行动管理</Text>
      <SignedIn roles={managePageRoles} forbiddenText={manageForbiddenText}>
        {() => <Hub />}
      </SignedIn>
    </Page>
  );
}

function Count({ label, value, to, params }: { label: string; value: number; to: Route; params?: Record<string, string> }) {
  return (
    <Tappable className='card manage-count' onClick={() => goTo(to, params)}>
      <Text className='manage-count__value'>{String(value)}</Text>
      <Text className='manage-count__label'>{label}</Text>
    </Tappable>
  );
}

function Hub() {
  const state = useRequest(() => volunteerManageApi.overview(), []);
  useShownAgain(() => void state.run());
  return (
    <View>
      <RequestView state={state}>
        {(o) => (
          <View className='manage-counts'>
            <Count label='待审核申请' value={o.pendingApplications} to={routes.manageApplications} />
            <Count label='今日活动' value={o.todayActivities} to={routes.manageActivities} />
            <Count label='待确认时长' value={o.pendingHours} to={routes.manageActivities} params={{ when: 'recent' }} />
            <Count label='更正申请' value={o.openCorrections} to={routes.manageCorrections} />
          </View>
        )}
      </RequestView>
      <CellGroup title='管理'>
        <Cell title='志愿者申请' label='审核通过或不通过' onClick={() => goTo(routes.manageApplications)} />
        <Cell title='活动和每周系列' label='新建、修改、取消；现场签到和时长' onClick={() => goTo(routes.manageActivities)} />
        <Cell title='时长更正申请' label='志愿者对时长有异议' onClick={() => goTo(routes.manageCorrections)} />
        <Cell title='培训进度' label='今年的培训人次、人数和指标' onClick={() => goTo(routes.manageTraining)} />
      </CellGroup>
    </View>
  );
}
