/**
 * Wushan County's places: the 15 townships (13 towns, 2 townships) are fixed here, the contract's one list; their
 * administrative villages live in the database (seeded from the national division list, admins add and rename).
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam } from './common'
import { noHiddenChars } from './validators'

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

const villageName = z.string().check(noHiddenChars, z.trim(), z.minLength(2, '村名至少2个字'), z.maxLength(20, '村名最多20个字'))
const officialVillageName = z.string().check(noHiddenChars, z.trim(), z.minLength(2, '至少2个字'), z.maxLength(30, '最多30个字'))

export const staffListVillages = endpoint({
  method: 'GET',
  path: '/staff/villages',
  access: 'staff',
  summary: "A township's villages for pickers (every staff member); without a township, the county's",
  query: z.object({ township: z.optional(townshipInput) }),
  response: z.object({ items: z.array(village) }),
})

export const staffCreateVillage = endpoint({
  method: 'POST',
  path: '/staff/villages',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Admins only: add a village to a township (a name the township already has is 409)',
  body: z.object({ township: townshipInput, name: villageName, officialName: z.optional(officialVillageName) }),
  response: village,
})

export const staffRenameVillage = endpoint({
  method: 'PATCH',
  path: '/staff/villages/:id',
  access: 'staff',
  summary: 'Admins only: rename a village (people and accounts keep pointing at it)',
  params: idParam,
  body: z.object({ name: villageName, officialName: z.optional(officialVillageName) }),
  response: village,
})

export const villageOverview = z.object({
  ...village.shape,
  /** People of the roster living there now. */
  people: z.number(),
  /** The latest rename: when, by whom, and the name before it. */
  renamed: z.nullable(z.object({ at: z.string(), by: z.string(), from: z.string() })),
})
export type VillageOverview = z.infer<typeof villageOverview>

export const staffVillagesOverview = endpoint({
  method: 'GET',
  path: '/staff/villages/overview',
  access: 'staff',
  summary: 'Admins only: every township with its villages, the people of each, and who renamed a village when',
  response: z.object({
    townships: z.array(z.object({ township: z.enum(townships), people: z.number(), villages: z.array(villageOverview) })),
  }),
})
