// The county's labour brands (劳务品牌) named in the 2021 county report, with a short plain-Chinese story each.
import type { Kysely } from 'kysely'
import type { Trade } from '../../types'
import type { DB } from '../db/schema'
import { insertedCount } from '../seed/seed-keys'

export interface BrandSeed {
  key: string
  name: string
  level: '省级' | '市级' | '县级'
  trade: Trade
  story: string
}

export const brands: BrandSeed[] = [
  {
    key: 'brand-ningyuan-builder',
    name: '宁远建筑工',
    level: '省级',
    trade: '砌筑工',
    story:
      '武山古称宁远，县里很多人世代在外面干建筑活，砌墙、抹灰手艺扎实。县上把这些师傅组织起来，开展定向定岗培训，考核合格的发证书、推荐上岗。“宁远建筑工”是甘肃省的省级劳务品牌。',
  },
  {
    key: 'brand-yuanyang-jade',
    name: '鸳鸯玉雕师',
    level: '市级',
    trade: '玉雕师',
    story:
      '武山县鸳鸯镇出产鸳鸯玉，当地不少人跟着老师傅学雕刻，做摆件、挂件和工艺品。县上通过培训把这门特色手艺传下去，让手艺人靠技术增收。“鸳鸯玉雕师”是天水市的市级劳务品牌。',
  },
  {
    key: 'brand-yuanyang-welder',
    name: '鸳鸯电焊手',
    level: '市级',
    trade: '电焊工',
    story:
      '“鸳鸯电焊手”是从鸳鸯镇走出去的电焊工队伍，在外地工地和工厂里干焊接活。县上开展“嵌入式”定向定岗培训，学员考核合格、持证上岗，再推荐到省外企业就业。“鸳鸯电焊手”是天水市的市级劳务品牌。',
  },
  {
    key: 'brand-ningyuan-housekeeper',
    name: '宁远家政妹',
    level: '市级',
    trade: '家政服务员',
    story:
      '“宁远家政妹”是武山县的家政服务员队伍，做保洁、照顾老人、带孩子。县上开展家政服务员、育婴员培训，考核合格的发证书，并签订劳务输转就业协议，送到北京、天津等城市的家政公司上岗。“宁远家政妹”是天水市的市级劳务品牌。',
  },
  {
    key: 'brand-wushan-wicker',
    name: '武山柳编',
    level: '县级',
    trade: '柳编工',
    story:
      '柳编是武山的老手艺，用柳条编篮子、筐子和家居摆件。不方便出远门的妇女和老人，在家门口学会编织就能挣钱。“武山柳编”是县级劳务品牌。',
  },
  {
    key: 'brand-ningyuan-security',
    name: '宁远保安',
    level: '县级',
    trade: '保安员',
    story:
      '“宁远保安”把县里身体好、肯吃苦的劳动力组织起来，经过培训后到小区、商场、工厂和工业园区做保安。外出的人有组织送、到站有人接，遇到欠薪等问题有驻外党支部和工作站帮忙维权。“宁远保安”是县级劳务品牌。',
  },
  {
    key: 'brand-xianniang-cotton',
    name: '线娘拾花工',
    level: '县级',
    trade: '拾花工',
    story:
      '每年秋天棉花成熟，县上组织以妇女为主的劳动力坐专车去新疆摘棉花，按公斤算工钱。出发前讲清楚工价、吃住和安全，到了地方有人接、干活有人访。“线娘拾花工”是县级劳务品牌。',
  },
]

/** Inserts the missing sample brands; returns how many were added. */
export async function seedBrands(trx: Kysely<DB>, now: Date): Promise<number> {
  const nowIso = now.toISOString()
  let added = 0
  if (brands.length) {
    added = insertedCount(
      await trx
        .insertInto('brands')
        .values(
          brands.map((b) => ({
            seed_key: b.key,
            name: b.name,
            level: b.level,
            trade: b.trade,
            story: b.story,
            is_sample: 1 as const,
            created_at: nowIso,
          })),
        )
        .onConflict((oc) => oc.column('seed_key').doNothing())
        .execute(),
    )
  }
  return added
}
