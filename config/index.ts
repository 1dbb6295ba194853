import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * Taro's build configuration. The project root is the repository root; the client sources live in
 * client/ and each platform builds into its own folder under build/ (git-ignored).
 *
 * Build-time constants (read in client/src/config/runtime-config.ts):
 * - TARO_APP_CLOUD_ENV: a WeChat Cloud environment id; when set, the weapp build calls cloud functions
 *   through wx.cloud instead of HTTPS.
 * - TARO_APP_API_BASE: the host's base URL for HTTPS calls ('' = same origin, the H5 default).
 * They come from the shell or from .env files (Taro reads TARO_APP_* from .env, .env.<mode>).
 */
const rootDir = path.resolve(__dirname, '..');

function buildTimeEnv(): Record<string, string> {
  return {
    TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
    TARO_APP_SUBSCRIBE_TEMPLATES: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? ''),
  };
}

// shared/ sits outside sourceRoot, and zod ships modern syntax: both go through Taro's babel.
const compileInclude = [path.join(rootDir, 'shared'), /node_modules[\\/]zod[\\/]/];

export default defineConfig<'webpack5'>(() => {
  const platform = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'civic-services',
    date: '2025-11-29',
    // Styles are written in CSS px for a 375 px wide phone; Taro turns them into rpx / rem.
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'client',
    outputRoot: `build/${platform}`,
    plugins: [],
    env: buildTimeEnv(),
    defineConstants: {},
    alias: {},
    // The browser asks every site for /favicon.ico; the mini-program has no use for it.
    copy: { patterns: platform === 'h5' ? [{ from: 'client/favicon.ico', to: 'build/h5/favicon.ico' }] : [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: compileInclude },
      postcss: {
        pxtransform: {
          enable: true,
          // vant's own styles are written in px for a 375 px screen already: leave them alone.
          config: { selectorBlackList: [/van-/] },
        },
        cssModules: { enable: false },
      },
      // Modules only a subpackage uses move into that subpackage, out of the main package budget.
      optimizeMainPackage: { enable: true },
      // CLIENT_SOURCEMAP=1 maps bytes back to modules when the size budget needs a look.
      enableSourceMap: process.env.CLIENT_SOURCEMAP === '1',
      sourceMapType: 'source-map',
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: compileInclude },
      router: { mode: 'hash' },
      webpackChain(chain) {
        // Taro splits only the entry's chunks; each page chunk would carry its own copy of the forms,
        // cards and code tables several pages share. Modules used by two or more pages go to shared
        // chunks, fetched once and cached by every page after.
        chain.optimization.merge({
          splitChunks: { cacheGroups: { pageShared: { chunks: 'async', minChunks: 2, minSize: 8000, priority: 5, reuseExistingChunk: true } } },
        });
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: { selectorBlackList: [/van-/] } },
        cssModules: { enable: false },
      },
    },
  };

  return baseConfig;
});
