import { Text, View } from '@tarojs/components';
import type { ExportFile } from '../../api/exports-views.schema';
import { ErrorNotice } from '../../components/ErrorNotice';
import { openDocument } from '../../files/open-document';
import { useBusyAction } from '../../hooks/use-busy-action';
import { Button } from '../../ui/Button';

export type ExportChoice = { key: string; label: string; request: () => Promise<ExportFile> };

/**
 * Buttons that make a file on the server and hand it over: downloaded in the browser, opened in
 * WeChat's viewer (whose menu saves or forwards it) in the mini-program. One at a time; large
 * buttons, so elder mode enlarges them with the rest of the page.
 */
export function ExportButtons({ choices, note }: { choices: ExportChoice[]; note?: string }) {
  const { busy, error, run } = useBusyAction(() => undefined);
  return (
    <View className='exports'>
      {choices.map((choice, index) => (
        <Button key={choice.key} variant={index === 0 ? 'primary' : 'default'} size='large' disabled={busy !== null} loading={busy === choice.key}
          onClick={() => void run(choice.key, async () => openDocument(await choice.request()), '文件已生成')}>
          {choice.label}
        </Button>
      ))}
      {error ? <ErrorNotice error={error} /> : null}
      {note ? <Text className='exports__note'>{note}</Text> : null}
    </View>
  );
}
