/**
 * A share of a target in words, one rule for the dashboard and the training page: "63%"; below 10 %
 * one decimal ("0.1%", "4.5%"), so a year's first classes do not read as nothing done; 未设指标 when
 * there is no target.
 */
export function shareText(share: number | null | undefined): string {
  if (share === null || share === undefined) return '未设指标';
  const percent = share * 100;
  return percent > 0 && percent < 10 ? `${Math.round(percent * 10) / 10}%` : `${Math.round(percent)}%`;
}
