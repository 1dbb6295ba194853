/// <reference types="@tarojs/taro" />

declare module '*.scss';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** WeChat Cloud environment id; empty means "call the host over HTTPS". */
    TARO_APP_CLOUD_ENV?: string;
    /** Base URL of the host for HTTPS calls; empty means the same origin. */
    TARO_APP_API_BASE?: string;
  }
}
