import { z } from 'zod';
import { argon2idPhcPattern, passwordProblem } from '../shared/domain/staff-auth/password-rules';

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

/**
 * The WeChat subscribe-message templates, one per group of notices. The client asks consent for
 * these ids; `fields` maps what we say (service, time, …) to the template's keywords (`thing1`,
 * `time2`, …), whose prefix decides WeChat's rule for the value. See docs/wechat-templates.md.
 */
export const notifyTemplateGroups = ['booking_status', 'booking_reminder', 'new_request', 'volunteer_status'] as const;
export type NotifyTemplateGroup = (typeof notifyTemplateGroups)[number];
export const notifyTemplateFields = ['service', 'time', 'status', 'note', 'place'] as const;
export type NotifyTemplateField = (typeof notifyTemplateFields)[number];
export const templateKeywordPattern = /^(thing|phrase|name|character_string|time|date|number|letter|symbol|amount|phone_number|car_number)\d{1,2}$/;

const templateSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  fields: z.partialRecord(z.enum(notifyTemplateFields), z.string().regex(templateKeywordPattern)),
});
export type NotifyTemplate = z.output<typeof templateSchema>;

const templatesJson = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'WECHAT_TEMPLATES must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(z.enum(notifyTemplateGroups), templateSchema));

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
  /** Bookings one staff member may make per day for walk-in and phone callers (代办): a window's busy day. */
  PROXY_DAILY_LIMIT: z.coerce.number().int().min(1).max(5000).default(200),
  /** JSON: `{ "<group>": { "id": "<template id>", "fields": { "service": "thing1", … } } }`; empty: channel off. */
  WECHAT_TEMPLATES: templatesJson.default({}),
  WECHAT_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).default('formal'),
  /** Send attempts of one WeChat message before it is dead (staff can resend it). */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** AES-256-GCM key for volunteers' ID numbers: 32 bytes, base64. The local host generates one into DATA_DIR. */
  ID_NUMBER_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'ID_NUMBER_KEY must be 32 bytes, base64-encoded')
    .optional(),
  /** HMAC secret of the rotating check-in codes, at least 32 characters. The local host generates one into DATA_DIR. */
  ATTENDANCE_CODE_SECRET: z.string().min(32, 'ATTENDANCE_CODE_SECRET must be at least 32 characters').optional(),
  // staff sign-in: the first admin's password account, created at start when its login name has none.
  ADMIN_LOGIN: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/, 'ADMIN_LOGIN must be 3-32 letters, digits or . _ -').optional(),
  ADMIN_PASSWORD: z
    .string()
    .refine((value) => passwordProblem(value) === null, 'ADMIN_PASSWORD must be 8-64 characters with a letter and a digit or symbol')
    .optional(),
  /** An argon2id PHC string instead of ADMIN_PASSWORD, so no password sits in the environment. */
  ADMIN_PASSWORD_HASH: z.string().regex(argon2idPhcPattern, 'ADMIN_PASSWORD_HASH must be an argon2id hash ($argon2id$v=19$...)').optional(),
  // documents — certificates
  /** Where the public pages are reached (a certificate's QR opens `<PUBLIC_BASE_URL>/verify/<serial>`); outside production it defaults to the local host. */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The font certificates embed (a .ttf, .otf or .ttc with CJK glyphs); unset: beside the bundle, then Debian's Noto CJK. */
  CERTIFICATE_FONT_PATH: z.string().min(1).optional(),
  /** The PostScript name of the face inside a .ttc collection (e.g. NotoSansCJKsc-Regular). */
  CERTIFICATE_FONT_NAME: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
}).superRefine((env, ctx) => {
  const secrets = [env.ADMIN_PASSWORD, env.ADMIN_PASSWORD_HASH].filter((value) => value !== undefined).length;
  if (env.ADMIN_LOGIN && secrets !== 1) ctx.addIssue({ code: 'custom', path: ['ADMIN_LOGIN'], message: 'ADMIN_LOGIN needs exactly one of ADMIN_PASSWORD or ADMIN_PASSWORD_HASH' });
  if (!env.ADMIN_LOGIN && secrets > 0) ctx.addIssue({ code: 'custom', path: ['ADMIN_LOGIN'], message: 'ADMIN_PASSWORD or ADMIN_PASSWORD_HASH is set without ADMIN_LOGIN' });
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
  proxyDailyLimit: number;
  notify: { templates: Partial<Record<NotifyTemplateGroup, NotifyTemplate>>; miniprogramState: 'formal' | 'trial' | 'developer'; maxAttempts: number };
  /** Without it, applications that give an ID number are refused (nothing is stored in the clear). */
  idNumberKey?: string;
  /** Without it, no check-in code is shown and every check-in is refused. */
  attendanceCodeSecret?: string;
  /** staff sign-in: the first admin's login name and password (or its hash), from ADMIN_LOGIN. */
  firstAdmin?: { loginName: string; password?: string; passwordHash?: string };
  // documents — certificates
  /** Without it (production with PUBLIC_BASE_URL unset) no certificate is issued: its QR would point nowhere. */
  publicBaseUrl?: string;
  certificateFont: { path?: string; postscriptName?: string };
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
    proxyDailyLimit: parsed.PROXY_DAILY_LIMIT,
    notify: { templates: parsed.WECHAT_TEMPLATES, miniprogramState: parsed.WECHAT_MINIPROGRAM_STATE, maxAttempts: parsed.NOTIFY_MAX_ATTEMPTS },
    idNumberKey: parsed.ID_NUMBER_KEY,
    attendanceCodeSecret: parsed.ATTENDANCE_CODE_SECRET,
    firstAdmin: parsed.ADMIN_LOGIN ? { loginName: parsed.ADMIN_LOGIN, password: parsed.ADMIN_PASSWORD, passwordHash: parsed.ADMIN_PASSWORD_HASH } : undefined,
    // documents — certificates: a production page address is never guessed from the listening socket.
    publicBaseUrl: parsed.PUBLIC_BASE_URL ?? (parsed.APP_ENV === 'production' ? undefined : `http://${parsed.HOST.includes(':') ? `[${parsed.HOST}]` : parsed.HOST}:${parsed.PORT}`),
    certificateFont: { path: parsed.CERTIFICATE_FONT_PATH, postscriptName: parsed.CERTIFICATE_FONT_NAME },
  };
}
