import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { notifyApi } from '../../../../src/api/notify.api';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { formatDateTime } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { noticeTarget } from '../../../../src/features/notices/notice-link';
import { goTo } from '../../../../src/navigation/routes';
import { Empty } from '../../../../src/ui/Empty';
import { Tappable } from '../../../../src/ui/Tappable';

/** Notices about the resident's bookings (confirmed, declined, reminders); opened means read. */
export default function NoticesPage() {
  return (
    <Page>
      <Text className='page-title'>消息</Text>
      <SignedIn>{() => <Notices />}</SignedIn>
    </Page>
  );
}

function Notices() {
  const state = useRequest(() => notifyApi.list(), []);
  useEffect(() => {
    const unread = state.data?.items.filter((n) => !n.readAt).map((n) => n.id) ?? [];
    if (unread.length > 0) void notifyApi.markRead(unread).catch(() => undefined);
  }, [state.data]);
  return (
    <RequestView state={state}>
      {(page) =>
        page.items.length === 0 ? (
          <Empty description='还没有消息' />
        ) : (
          <View className='flow-cards section'>
            {page.items.map((notice) => {
              const content = (
                <>
                  <Text className='flow-card__title'>{`${notice.readAt ? '' : '未读 · '}${notice.title}`}</Text>
                  {notice.body ? <Text className='flow-card__line'>{notice.body}</Text> : null}
                  <Text className='flow-card__line'>{formatDateTime(notice.createdAt)}</Text>
                </>
              );
              const target = noticeTarget(notice);
              return target ? (
                <Tappable key={notice.id} className='flow-card' onClick={() => goTo(target.route, target.params)}>
                  {content}
                </Tappable>
              ) : (
                <View key={notice.id} className='flow-card'>
                  {content}
                </View>
              );
            })}
          </View>
        )
      }
    </RequestView>
  );
}
