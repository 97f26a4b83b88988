/**
 * Wushan County's places: the 15 townships (13 towns, 2 townships) are fixed here, the contract's one list; their
 * administrative villages live in the database (seeded from the national division list, admins add and rename).
 */
import { z } from 'zod/mini'

/** In the county's spelling (咀头乡; the national list still writes 嘴头乡). */
export const townships = [
  '城关镇', '洛门镇', '鸳鸯镇', '滩歌镇', '四门镇', '马力镇', '山丹镇', '温泉镇',
  '桦林镇', '龙台镇', '榆盘镇', '高楼镇', '杨河镇', '沿安乡', '咀头乡',
] as const
export type Township = (typeof townships)[number]
export const townshipInput = z.enum(townships, '没有这个乡镇，请从列表里选')

export const village = z.object({
  id: z.number(),
  township: z.enum(townships),
  /** The national division code; null for a village an admin added. */
  code: z.nullable(z.string()),
  /** As the county shows it: 黄河村, 东关社区 */
  name: z.string(),
  /** As the register writes it: 黄河村民委员会 */
  officialName: z.string(),
})
export type Village = z.infer<typeof village>
