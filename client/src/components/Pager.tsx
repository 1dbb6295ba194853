import { View } from '@tarojs/components';
import { Button } from '../ui/Button';

/** 上一页 / 下一页 under a paged list; `total` is what the server counted. */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  return (
    <View className='card-actions'>
      <Button block disabled={page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </Button>
      <Button block disabled={page * pageSize >= total} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </View>
  );
}
