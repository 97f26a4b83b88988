import { z } from 'zod/mini'
import { endpoint } from './endpoint'

/** The trades the county trains for and places into. */
export const trades = [
  '家政服务员', '育婴员', '包装工', '电工', '电焊工', '电气设备安装工',
  '砌筑工', '汽车维修工', '铲运机操作工', '叉车司机', '汽车驾驶员',
  '普工', '保安员', '玉雕师', '柳编工', '拾花工',
] as const
export type Trade = (typeof trades)[number]

/** The benefits a posting may promise; a worker filters by them. */
export const benefits = ['包吃', '包住', '社保', '路费报销', '带薪休假'] as const
export type Benefit = (typeof benefits)[number]

export const tradeSchema = z.enum(trades)
export const benefitSchema = z.enum(benefits)

export const tradeCount = z.object({ name: tradeSchema, openJobs: z.number(), courses: z.number() })
export type TradeCount = z.infer<typeof tradeCount>

export const listTrades = endpoint({
  method: 'GET',
  path: '/trades',
  access: 'public',
  summary: 'Trades with how many open postings and courses each has, for the quick chips',
  response: z.object({ items: z.array(tradeCount) }),
})

export const health = endpoint({
  method: 'GET',
  path: '/health',
  access: 'public',
  summary: 'Liveness after a real database write (rolled back); 503 UNAVAILABLE when the database cannot take one, 503 with status draining while the server shuts down',
  response: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']) }),
})
