import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadHostConfig } from '../../../host/host-config';
import { startLocalHost, type LocalHost } from '../../../host/local-host';
import { FakeWeChatServer } from '../../helpers/fake-wechat-server';

export type WeappHost = {
  host: LocalHost;
  wechat: FakeWeChatServer;
  /** A wx.login code that the fake WeChat exchanges for this openid (once, as WeChat does). */
  loginCodeFor(openid: string): string;
  close(): Promise<void>;
};

/**
 * A real local host (engine, demo seed, HTTP) on a free port with a fresh database, as the e2e
 * suite starts one, and with dev login off: the mini-program logs in the way it does in WeChat
 * (wx.login's code exchanged by `user.login`), against a local stand-in for WeChat's code2session.
 */
export async function startWeappHost(): Promise<WeappHost> {
  const wechat = new FakeWeChatServer();
  const wechatUrl = await wechat.start();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'civic-weapp-'));
  const dbName = `weapp_${Date.now().toString(36)}_${process.pid}`;
  let host: LocalHost;
  try {
    const config = loadHostConfig({
      ...process.env,
      APP_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DB_NAME: dbName,
      DATA_DIR: dataDir,
      DEV_LOGIN: '0',
      WECHAT_APPID: wechat.appId,
      WECHAT_SECRET: wechat.appSecret,
      WECHAT_API_BASE: wechatUrl,
    });
    host = await startLocalHost({ config, log: (line) => (/error|fail/i.test(line) ? console.log(line) : undefined) });
  } catch (error) {
    await wechat.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    host,
    wechat,
    loginCodeFor: (openid) => `ok-${openid}`,
    close: async () => {
      await host.app.db.dropDatabase().catch(() => undefined);
      await host.close();
      await wechat.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
