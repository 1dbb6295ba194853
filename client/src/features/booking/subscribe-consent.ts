import Taro from '@tarojs/taro';
import { notifyApi, type ConsentAnswer } from '../../api/notify.api';
import { runtimeConfig } from '../../config/runtime-config';

/**
 * WeChat subscribe-message template ids, from the build constant TARO_APP_SUBSCRIBE_TEMPLATES
 * (comma-separated; up to 3 may be asked at once). Empty: the consent step is skipped.
 */
function readTemplateSetting(): string {
  try {
    return process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? '';
  } catch {
    // The constant was not defined for this build and `process` does not exist at run time.
    return '';
  }
}

export function parseTemplateIds(setting: string): string[] {
  return setting
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^[A-Za-z0-9_-]{1,128}$/.test(id))
    .slice(0, 3);
}

export const subscribeTemplateIds: readonly string[] = parseTemplateIds(readTemplateSetting());

/**
 * Asks for consent to send booking notices. WeChat only shows the dialog when this is called during
 * a tap, so call it first thing in the handler, before any await. Never fails: a refusal or an
 * error just means no WeChat messages (the in-app inbox still has the notices). The answers are
 * reported to the server (notify.recordConsent), which sends only what was accepted.
 */
export function askSubscribeConsent(templateIds: readonly string[] = subscribeTemplateIds): Promise<void> {
  if (runtimeConfig.platform !== 'weapp' || templateIds.length === 0) return Promise.resolve();
  try {
    return Taro.requestSubscribeMessage({ tmplIds: [...templateIds] } as Parameters<typeof Taro.requestSubscribeMessage>[0]).then(
      (reply) => {
        const results = consentAnswers(templateIds, reply as unknown as Record<string, unknown>);
        if (Object.keys(results).length > 0) void notifyApi.recordConsent([...templateIds], results).catch(() => undefined);
      },
      () => undefined,
    );
  } catch {
    return Promise.resolve();
  }
}

const answers = new Set<string>(['accept', 'reject', 'ban', 'filter']);

/** WeChat's reply has one key per template id ('accept', 'reject', …) next to errMsg. */
export function consentAnswers(templateIds: readonly string[], reply: Record<string, unknown>): Record<string, ConsentAnswer> {
  const out: Record<string, ConsentAnswer> = {};
  for (const id of templateIds) {
    const value = reply[id];
    if (typeof value === 'string' && answers.has(value)) out[id] = value as ConsentAnswer;
  }
  return out;
}
