import Taro from '@tarojs/taro';
import { runtimeConfig, usesWeChatCloud } from '../config/runtime-config';
import { ApiError } from './api-error';
import { functionUrl, requestHeaders } from './http-url';
import type { RawReply } from './reply';
import type { CallRequest } from './transport.types';

let cloudReady = false;

/** wx.cloud when the build names a cloud environment, wx.request to the host otherwise. */
export function send(request: CallRequest): Promise<RawReply> {
  return usesWeChatCloud() ? sendByCloud(request) : sendByRequest(request);
}

async function sendByCloud(request: CallRequest): Promise<RawReply> {
  if (!cloudReady) {
    Taro.cloud.init({ env: runtimeConfig.cloudEnv, traceUser: true });
    cloudReady = true;
  }
  try {
    const result = await Taro.cloud.callFunction({ name: request.name, data: request.body });
    return { body: result.result };
  } catch (error) {
    throw new ApiError('NETWORK', { details: { cause: errMsgOf(error) } });
  }
}

function sendByRequest(request: CallRequest): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    Taro.request({
      url: functionUrl(runtimeConfig.apiBase, request.name),
      method: 'POST',
      header: requestHeaders(request.token),
      data: request.body,
      dataType: 'json',
      timeout: request.timeoutMs,
      success: (res) => resolve({ status: res.statusCode, body: res.data }),
      fail: (error) => reject(new ApiError('NETWORK', { details: { cause: errMsgOf(error) } })),
    });
  });
}

function errMsgOf(error: unknown): string {
  if (error && typeof error === 'object' && 'errMsg' in error) return String((error as { errMsg: unknown }).errMsg);
  return error instanceof Error ? error.message : String(error);
}
