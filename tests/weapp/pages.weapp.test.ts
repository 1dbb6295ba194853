/**
 * Every page the built app.json lists (subpackages included, so a new subpackage is covered without
 * editing this file) opens without an exception, signed in against a real local host; and elder mode
 * switches the classes the weapp styles key on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchMiniProgram, weappRoot, type MiniProgram } from './harness/mini-program';
import { classesOf, styleOf } from './harness/page-queries';
import { pagesOf, type AppJson } from './harness/page-stack';
import { forwardTo } from './harness/request-handlers';
import { startWeappHost, type WeappHost } from './harness/weapp-host';

const appJson = JSON.parse(readFileSync(path.join(weappRoot, 'app.json'), 'utf8')) as AppJson;
const pages = pagesOf(appJson);

// Queries a page is opened with from the app; an id that does not exist shows the page's own
// "not found" state, which is part of loading without an exception.
const queries: Record<string, string> = {
  'subpackages/booking/pages/choose/index': 'service=advisor',
  'subpackages/booking/pages/slots/index': 'providerId=pv-advisor-1',
  'subpackages/booking/pages/form/index': 'service=advisor',
  'subpackages/booking/pages/result/index': 'bookingId=bk-does-not-exist',
  'subpackages/booking/pages/detail/index': 'bookingId=bk-does-not-exist',
  'subpackages/provider/pages/case/index': 'bookingId=bk-does-not-exist',
  // volunteer — client
  'subpackages/volunteer/pages/activity/index': 'activityId=act-does-not-exist',
  // stations and providers: the forms opened on a record (a new one opens without a query).
  'subpackages/staff/pages/station/index': 'stationId=sn-does-not-exist',
  'subpackages/staff/pages/provider/index': 'providerId=pv-does-not-exist',
};

let weappHost: WeappHost;
let app: MiniProgram;

beforeAll(async () => {
  weappHost = await startWeappHost();
  app = launchMiniProgram({ request: forwardTo(weappHost.host.url), loginCode: () => weappHost.loginCodeFor('demo-advisor-1') });
  await app.tap('登录');
  await app.tap('微信一键登录');
  await app.waitForText('刘顾问，您好');
});

afterAll(async () => {
  app?.close();
  await weappHost?.close();
});

/** Opens the page and waits until nothing on it is loading any more (or something went wrong). */
async function openAndSettle(url: string): Promise<{ root: () => Element; problems: () => string[] }> {
  const before = app.problems().length;
  const problems = () => app.problems().slice(before);
  app.open(url);
  await app.waitFor(
    `${url} to finish loading`,
    () => problems().length > 0 || (app.page.allByClass('page').length === 1 && app.page.allByClass('ui-loading').length === 0 && app.page.text() !== ''),
  );
  await app.settle();
  return { root: () => app.page.byClass('page'), problems };
}

test('app.json lists the main package and the subpackages', () => {
  expect(pages).toEqual(
    expect.arrayContaining(['pages/home/index', 'subpackages/booking/pages/choose/index', 'subpackages/provider/pages/inbox/index', 'subpackages/volunteer/pages/status/index']),
  );
  expect(pages.length).toBeGreaterThanOrEqual(21);
});

test.each(pages)('%s loads without an exception', async (route) => {
  const query = queries[route];
  const opened = await openAndSettle(`/${route}${query ? `?${query}` : ''}`);
  expect(opened.problems()).toEqual([]);
  expect(app.stack.current?.route).toBe(route);
  expect(opened.root().textContent).not.toBe('');
});

describe('elder mode', () => {
  const fontOf = (element: Element) => styleOf(element, 'font-size');

  test('the wxss switches its tokens on .page.elder', () => {
    const wxss = readFileSync(path.join(weappRoot, 'app.wxss'), 'utf8');
    expect(wxss).toMatch(/\.page\.elder\{[^}]*--ui-font-body:40rpx/);
    expect(wxss).toMatch(/\.page\{[^}]*--ui-font-body:32rpx/);
  });

  test('the profile switch puts .elder on the page root and the text and buttons grow', async () => {
    const profile = await openAndSettle('/pages/profile/index');
    expect(classesOf(profile.root())).toEqual(['page']);
    const button = app.page.byText('保存').closest('wx-button')!;
    const normal = { title: fontOf(app.page.byClass('page-title')), buttonHeight: styleOf(button, 'height') };
    expect(normal).toEqual({ title: '40px', buttonHeight: '104px' });

    await app.tap('长辈模式');
    await app.waitFor('the elder class', () => classesOf(app.page.byClass('page')).includes('elder'));
    expect(classesOf(profile.root())).toEqual(['page', 'elder']);
    // The simulator turns rpx into px one to one: 32 px title (key text, ≥ 30 px) / 72 px large button at 375 px wide.
    expect({ title: fontOf(app.page.byClass('page-title')), buttonHeight: styleOf(button, 'height') }).toEqual({ title: '64px', buttonHeight: '144px' });
    expect(app.storage.get('civic.elderMode')).toBe('"on"');

    // Another page keeps it: the mode lives above the pages.
    expect(profile.problems()).toEqual([]);
    const home = await openAndSettle('/pages/home/index');
    expect(classesOf(home.root())).toEqual(['page', 'elder']);
    expect(fontOf(app.page.allByClass('home-service__summary')[0]!)).toBe('40px');
    expect(home.problems()).toEqual([]);
  });
});
