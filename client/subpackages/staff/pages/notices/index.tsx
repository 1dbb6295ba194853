import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { staffApi } from '../../../../src/api/staff.api';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { staffDeskRoles } from '../../../../src/features/staff/staff-roles';
import { formatDateTime } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { Button } from '../../../../src/ui/Button';
import { Empty } from '../../../../src/ui/Empty';
import { showToast } from '../../../../src/ui/feedback';

const stateLabels: Record<string, string> = { dead: '发送失败', unconfirmed: '不确定是否送达' };

/**
 * WeChat messages that did not go out (the in-app notice always did): why, and a resend. Only the
 * failure is shown, never the message's text.
 */
export default function NotificationHealthPage() {
  return (
    <Page>
      <Text className='page-title'>消息发送情况</Text>
      <SignedIn roles={staffDeskRoles} forbiddenText='这里是工作人员查看消息发送情况的地方。'>
        {() => <DeadLetters />}
      </SignedIn>
    </Page>
  );
}

function DeadLetters() {
  const state = useRequest(() => staffApi.deadLetters(), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const resend = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await staffApi.resend(id);
      showToast('已重新排队发送');
      void state.run();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  };
  return (
    <View>
      <Text className='page-subtitle'>站内消息都已送到；这里是没能发到微信的“服务通知”。</Text>
      {error ? <ErrorNotice error={error} /> : null}
      <RequestView state={state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description='没有发送失败的微信消息' />
          ) : (
            <View>
              {data.items.map((item) => (
                <View key={item.id} className='card'>
                  <Text className='card__title'>{`${stateLabels[item.state] ?? item.state} · 试了 ${item.attempts} 次`}</Text>
                  <Text className='audit-entry__line'>{`原因：${item.lastError ?? '未知'}`}</Text>
                  {item.updatedAt ? <Text className='audit-entry__line'>{formatDateTime(item.updatedAt)}</Text> : null}
                  <Button block loading={busy === item.id} disabled={busy !== null} onClick={() => void resend(item.id)}>
                    重新发送
                  </Button>
                </View>
              ))}
            </View>
          )
        }
      </RequestView>
    </View>
  );
}
