/**
 * `usingComponents` for a page's index.config.ts: the @vant/weapp components the UI layer renders.
 * Paths are relative to the page's folder and point into node_modules (a bare '@vant/weapp/...'
 * path builds but emits nothing); Taro copies only what is listed, under /npm/@vant/weapp.
 * The H5 build has its own UI variants and needs none.
 */
export const vantComponentNames = ['button', 'cell', 'field', 'switch', 'tag', 'empty', 'loading'] as const;

export type VantComponentName = (typeof vantComponentNames)[number];

/** @param pagePath the page's route as listed in app.config.ts, e.g. 'pages/home/index' */
export function vantUsingComponents(
  pagePath: string,
  names: readonly VantComponentName[] = vantComponentNames,
): Record<string, string> {
  if (process.env.TARO_ENV !== 'weapp') return {};
  // client/<pagePath>'s folder is as many levels below the repository root as the route has parts.
  const up = '../'.repeat(pagePath.split('/').length);
  const entries = names.map((name) => [`van-${name}`, `${up}node_modules/@vant/weapp/dist/${name}/index`] as const);
  return Object.fromEntries(entries);
}
