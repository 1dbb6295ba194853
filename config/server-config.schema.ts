import { z } from 'zod';

/**
 * The server's runtime configuration. Values come from the environment (the local host, CI, or a
 * WeChat Cloud function's environment variables); `profile` picks safe defaults for each setting.
 */
const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off'])
  .transform((value) => value === '1' || value === 'true' || value === 'on');

const list = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

export const serverEnvSchema = z.object({
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
  MONGODB_URI: z.string().min(1).optional(),
  DB_NAME: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/).default('civic'),
  TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must be at least 32 characters').optional(),
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(60 * 60 * 24 * 30).default(60 * 60 * 24 * 7),
  DEV_LOGIN: flag.optional(),
  ADMIN_OPENIDS: list.default([]),
  WECHAT_APPID: z.string().optional(),
  WECHAT_SECRET: z.string().optional(),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ALLOW_PUBLIC_DEV_LOGIN: flag.default(false),
  DATA_DIR: z.string().default('.data'),
  /** Bookings one resident may start per day, so one account cannot drain a day's seats. */
  BOOKING_DAILY_LIMIT: z.coerce.number().int().min(1).max(1000).default(10),
});

export type ServerConfig = {
  profile: 'development' | 'test' | 'production';
  mongodbUri?: string;
  dbName: string;
  tokenSecret?: string;
  tokenTtlSeconds: number;
  devLogin: boolean;
  adminOpenids: string[];
  wechat: { appId?: string; appSecret?: string; apiBase: string };
  host: string;
  port: number;
  allowPublicDevLogin: boolean;
  dataDir: string;
  bookingDailyLimit: number;
};

export function parseServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = serverEnvSchema.parse(env);
  return {
    profile: parsed.APP_ENV,
    mongodbUri: parsed.MONGODB_URI,
    dbName: parsed.DB_NAME,
    tokenSecret: parsed.TOKEN_SECRET,
    tokenTtlSeconds: parsed.TOKEN_TTL_SECONDS,
    // Dev login hands out any identity, so production never has it unless explicitly forced on.
    devLogin: parsed.DEV_LOGIN ?? parsed.APP_ENV !== 'production',
    adminOpenids: parsed.ADMIN_OPENIDS,
    wechat: { appId: parsed.WECHAT_APPID, appSecret: parsed.WECHAT_SECRET, apiBase: parsed.WECHAT_API_BASE },
    host: parsed.HOST,
    port: parsed.PORT,
    allowPublicDevLogin: parsed.ALLOW_PUBLIC_DEV_LOGIN,
    dataDir: parsed.DATA_DIR,
    bookingDailyLimit: parsed.BOOKING_DAILY_LIMIT,
  };
}
