/** One call to a cloud function, as the transports see it. */
export type CallRequest = {
  /** The cloud function's name: `user`, later `booking`, ... */
  name: string;
  /** `{ action, ...payload }`, sent as the event / JSON body. */
  body: Record<string, unknown>;
  /** The session token for HTTPS calls; WeChat Cloud knows the caller without one. */
  token: string | null;
  timeoutMs: number;
};
