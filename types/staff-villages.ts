/**
 * The workbench's villages: pickers, admins adding and renaming, the overview. Apart from places.ts, as
 * staff-courses.ts is from training.ts: the worker's pages (the mini-program's main package among them) need only the
 * township list.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam } from './common'
import { noHiddenChars } from './validators'
import { townshipInput, townships, village } from './places'

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
