import type { CertificateVerification } from '../cloudfunctions/core/services/documents/certificate.service';

/** What the public page of a certificate says: valid, not found, malformed, or the service is down. */
export type VerifyPageState = CertificateVerification | { valid: false; reason: 'malformed' | 'unavailable' };

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const hours = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/**
 * The page a certificate's QR code opens: large text for a phone held at arm's length, no script,
 * nothing that identifies the person beyond a masked name (no ID number, no phone).
 */
export function verifyPageHtml(state: VerifyPageState): string {
  const body = state.valid
    ? `<p class="status ok">有效</p>
  <dl>
    <dt>证明编号</dt><dd>${escape(state.serial)}</dd>
    <dt>姓名</dt><dd>${escape(state.maskedName)}</dd>
    <dt>合计时长</dt><dd>${hours(state.totalHours)} 小时</dd>
    <dt>服务期间</dt><dd>${escape(state.period.from)} 至 ${escape(state.period.to)}</dd>
    <dt>出具单位</dt><dd>${escape(state.issuer)}</dd>
    <dt>开具日期</dt><dd>${escape(state.issueDate)}</dd>
  </dl>
  <p class="note">以上信息与纸质证明一致即为真实有效。</p>`
    : `<p class="status bad">无效（${'reason' in state ? (state.reason === 'malformed' ? '证明编号格式不对' : '暂时无法核验，请稍后再试') : '未找到此证明'}）</p>
  ${'serial' in state ? `<dl><dt>证明编号</dt><dd>${escape(state.serial)}</dd></dl>` : ''}
  <p class="note">请核对证明上的编号，或联系出具证明的街道办事处。</p>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>志愿服务记录证明核验</title>
<style>
  body { margin: 0; padding: 24px 20px; font: 20px/1.6 -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1a1a1a; background: #f2f4f7; }
  main { max-width: 560px; margin: 0 auto; background: #fff; border-radius: 12px; padding: 24px; }
  h1 { font-size: 26px; margin: 0 0 16px; }
  .status { font-size: 32px; font-weight: bold; margin: 0 0 16px; }
  .ok { color: #067a3a; }
  .bad { color: #b3261e; }
  dl { margin: 0; }
  dt { color: #555; font-size: 18px; margin-top: 12px; }
  dd { margin: 0; font-size: 22px; word-break: break-all; }
  .note { color: #555; font-size: 18px; margin-top: 20px; }
</style>
</head>
<body>
<main>
  <h1>志愿服务记录证明核验</h1>
  ${body}
</main>
</body>
</html>
`;
}
