// Resolved per platform: transport.weapp.ts (wx.cloud or wx.request) and transport.h5.ts (fetch).
import type { RawReply } from './reply';
import type { CallRequest } from './transport.types';

/** Sends one call; rejects with ApiError('NETWORK') when no reply arrives. */
export declare function send(request: CallRequest): Promise<RawReply>;
