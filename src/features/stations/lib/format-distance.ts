/** How far, in words a worker reads at a glance: under 1 km in 米, else 公里 with one decimal. */
export function formatDistance(km: number): string {
  if (!Number.isFinite(km) || km < 0) return ''
  const metres = Math.round(km * 1000)
  if (metres < 1000) return `${metres} 米`
  return `${(Math.round(km * 10) / 10).toFixed(1)} 公里`
}
