/**
 * 3天前发布: how long a posting has been up, in the words on a card. The one call site for the posting's age, so the
 * app-wide date wording (moving into types/) can replace the body of this function without touching the cards.
 */
const chinaDay = (at: Date) => Math.floor((at.getTime() + 8 * 3600_000) / 86400_000)

export function postedLabel(postedAt: string, now: Date = new Date()): string {
  const at = new Date(postedAt)
  if (Number.isNaN(at.getTime())) return ''
  const days = chinaDay(now) - chinaDay(at)
  if (days <= 0) return '今天发布'
  if (days === 1) return '昨天发布'
  if (days < 30) return `${days}天前发布`
  const china = new Date(at.getTime() + 8 * 3600_000)
  const year = china.getUTCFullYear() !== new Date(now.getTime() + 8 * 3600_000).getUTCFullYear() ? `${china.getUTCFullYear()}年` : ''
  return `${year}${china.getUTCMonth() + 1}月${china.getUTCDate()}日发布`
}
