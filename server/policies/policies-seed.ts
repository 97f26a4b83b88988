// 政策咨询: plain-Chinese explanations of the policies workers ask about most. General and national in wording;
// where amounts and conditions differ by place and year they say so (以当地人社部门公布为准) instead of quoting figures.
import type { Kysely } from 'kysely'
import type { PolicyCategory } from '../../types'
import type { DB } from '../db/schema'
import { policySearchText } from './policies.repository'

export interface PolicySeed {
  key: string
  title: string
  category: PolicyCategory
  summary: string
  body: string
  source: string
}

export interface PolicyFaqSeed {
  key: string
  question: string
  answer: string
  policyKey: string | null
}

const ask = '有不清楚的，打电话问武山县劳务输转服务中心，或拨打人社服务热线 12333。'

export const policies: PolicySeed[] = [
  {
    key: 'policy-transport-subsidy',
    title: '外出务工有没有交通补助',
    category: '就业补贴',
    summary: '脱贫劳动力等人员外出务工，很多地方可以申请一次性交通补助。',
    body: [
      '为了鼓励外出务工，国家和省里对脱贫劳动力（含监测对象）跨省、跨县外出务工的，一般给予一次性交通补助。',
      '谁能申请：主要是脱贫劳动力和防止返贫监测对象，外出务工并稳定就业一段时间的。',
      '要准备什么：身份证、务工证明（劳动合同或单位开的证明）、车票或其他出行凭证、银行卡（社保卡）。',
      '在哪里申请：户口所在乡镇的劳务工作站或县劳务输转服务中心。',
      '补助多少、要干满多久才能申请、什么时候申请，每年的规定可能不同，以当地人社部门公布为准。',
      ask,
    ].join('\n'),
    source: '武山县人力资源和社会保障局',
  },
  {
    key: 'policy-public-employment-service',
    title: '找工作的公共就业服务是免费的',
    category: '就业补贴',
    summary: '人社部门和劳务工作站介绍工作、登记求职都不收钱，遇到收“介绍费”的要当心。',
    body: [
      '县劳务输转服务中心、各乡镇劳务工作站、驻外劳务工作站，为务工人员免费提供：岗位信息、职业介绍、求职登记、政策咨询。',
      '有组织外出务工（比如坐县里组织的点对点专车），有人送、有人接，到了有人回访。',
      '如果有人以“介绍工作”为名先收押金、收服装费、扣身份证，这是违法的，不要交钱，可以拨打 12333 举报。',
      '正规的招聘信息会写明用工单位、工作地点、工资和吃住，看不明白的先问工作站再去。',
      ask,
    ].join('\n'),
    source: '武山县劳务输转服务中心',
  },
  {
    key: 'policy-training-subsidy',
    title: '参加技能培训要不要交钱',
    category: '培训补贴',
    summary: '政府组织的职业技能培训大多免费，或者学完按规定享受培训补贴。',
    body: [
      '县里组织的培训（学完包分配的、自己点想学的、县里招牌手艺的），符合条件的人员一般不用自己掏钱，培训费由政府补贴。',
      '有的培训要先交费，考核合格、拿到证书后再按规定申请培训补贴。报名时会讲清楚，请问明白再报。',
      '谁能享受：农村劳动力、脱贫劳动力、返乡人员、失业人员等，具体范围以当地人社部门公布为准。',
      '要准备什么：身份证、银行卡（社保卡），有的还要户口本。',
      '提醒：同一个工种同一个等级，补贴一般只能享受一次。',
      ask,
    ].join('\n'),
    source: '武山县人力资源和社会保障局',
  },
  {
    key: 'policy-training-living-allowance',
    title: '培训期间有没有生活费补贴',
    category: '培训补贴',
    summary: '部分培训项目对脱贫劳动力等人员在培训期间给予生活费补贴。',
    body: [
      '有的培训项目，对参加培训的脱贫劳动力、监测对象等人员，在培训期间按天给一些生活费补贴。',
      '不是所有培训都有，报名时问清楚这个班有没有。',
      '补贴多少、怎么发，以当地人社部门公布为准。一般要按时上课、签到，缺课多的可能领不到。',
      ask,
    ].join('\n'),
    source: '武山县人力资源和社会保障局',
  },
  {
    key: 'policy-skill-upgrade-subsidy',
    title: '拿到职业技能证书，能申请技能提升补贴',
    category: '培训补贴',
    summary: '在单位上班、交了失业保险的职工，取得职业资格或技能等级证书，可以按规定申请技能提升补贴。',
    body: [
      '在企业上班、参加了失业保险的职工，考取职业资格证书或职业技能等级证书的，可以申请技能提升补贴。',
      '一般要求参加失业保险满1年，同一职业同一等级只能申请一次。',
      '怎么申请：可以在参保地人社部门的网上办事大厅、“掌上12333”APP 或当地社保经办窗口申请。',
      '补贴多少按证书等级不同，以当地人社部门公布为准。',
      ask,
    ].join('\n'),
    source: '人力资源和社会保障部门',
  },
  {
    key: 'policy-unpaid-wages',
    title: '工资被拖欠了怎么办',
    category: '欠薪维权',
    summary: '留好证据，先找老板要；要不来就投诉、申请仲裁，都不收费。',
    body: [
      '第一步，留证据：劳动合同、工牌、考勤记录、工资条、转账记录、和老板或工头的聊天记录和通话录音，都要保存好。',
      '第二步，找用工单位要：写清楚欠了几个月、多少钱。包工头欠钱的，总承包单位要负责。',
      '第三步，要不来就投诉：拨打 12333，或者到干活地方的劳动保障监察机构（人社局）投诉。',
      '第四步，申请劳动仲裁：到干活地方的劳动人事争议仲裁委员会申请，不收费。生活困难的可以申请法律援助。',
      '在外地不知道找谁：在“维权”里网上求助，县里的维权服务专班和驻外工作站、党支部会帮您联系。',
      '提醒：不要用堵路、爬楼等过激方式讨薪，既危险又可能违法。',
    ].join('\n'),
    source: '武山县县外务工人员稳岗留工和维权服务专班',
  },
  {
    key: 'policy-labour-contract',
    title: '没签劳动合同怎么办',
    category: '欠薪维权',
    summary: '上班一个月内单位就应该和您签书面合同；不签的，可以要求单位按规定支付二倍工资。',
    body: [
      '法律规定：用人单位应当自用工之日起一个月内和劳动者订立书面劳动合同。',
      '超过一个月不满一年没签的，单位应当每月支付二倍的工资。',
      '签合同时看清楚：工作内容、工作地点、工资多少、怎么发、加班怎么算、社保交不交。',
      '合同要有一份在自己手里，拍照留底也行。',
      '单位扣身份证、收押金都是违法的，可以拨打 12333 投诉。',
      ask,
    ].join('\n'),
    source: '《中华人民共和国劳动合同法》',
  },
  {
    key: 'policy-work-injury',
    title: '在外地上班受了伤怎么办',
    category: '欠薪维权',
    summary: '先看病，马上告诉单位；单位要在规定时间内申请工伤认定，单位不申请的自己也可以申请。',
    body: [
      '第一，先治伤，保留好病历、诊断证明和医药费票据。',
      '第二，马上告诉单位，最好有文字记录（微信消息也行）。',
      '第三，工伤认定：单位应当在事故发生之日起30日内向当地人社部门申请工伤认定。单位不申请的，受伤的职工或家属可以在1年内自己申请。',
      '单位没给交工伤保险的，工伤待遇由单位按规定支付。',
      '不知道怎么办，在“维权”里网上求助，或拨打 12333。',
    ].join('\n'),
    source: '《工伤保险条例》',
  },
  {
    key: 'policy-pension-transfer',
    title: '换了地方打工，养老保险怎么转',
    category: '社保转移',
    summary: '跨省换工作，养老保险可以转移接续，交过的年限累计计算，不会白交。',
    body: [
      '在外地交的职工养老保险，换到别的省上班，可以把养老保险关系转过去，以前交的年限接着算。',
      '怎么转：到新上班地方参保后，向新参保地申请转入。可以用“国家社会保险公共服务平台”网站、“掌上12333”APP 网上申请，也可以到社保经办窗口办理。',
      '不用先回原来的地方办，新参保地会去联系原参保地。',
      '回老家不再外出的，职工养老保险可以按规定和城乡居民养老保险衔接。',
      '提醒：不要随便退保。退保后交的年限就没了，以后领养老金会受影响。',
      ask,
    ].join('\n'),
    source: '人力资源和社会保障部门',
  },
  {
    key: 'policy-medical-remote',
    title: '在外地看病，医保能不能报销',
    category: '社保转移',
    summary: '先办异地就医备案，在外地定点医院看病就能直接结算。',
    body: [
      '在外地打工，参加的是老家的城乡居民医保，也可以在外地看病报销。',
      '先备案：用“国家医保服务平台”APP 或当地医保部门的小程序，办理异地就医备案，选“异地工作人员”。',
      '备案后在外地的定点医院看病，拿医保卡（社保卡）或医保电子凭证直接结算，不用先垫钱再回来报。',
      '没备案就看病的，回来也可能按规定报销，但比例可能低一些，以当地医保部门规定为准。',
      '在外地上班的单位给交了职工医保的，按职工医保报销。',
      ask,
    ].join('\n'),
    source: '医疗保障部门',
  },
  {
    key: 'policy-startup-loan',
    title: '回乡创业能贷款吗',
    category: '返乡创业',
    summary: '返乡创业人员可以申请创业担保贷款，符合条件的由财政贴息。',
    body: [
      '回家乡开店、办养殖场、办小加工厂，可以申请创业担保贷款，政府帮着担保，符合条件的财政给贴息。',
      '谁能申请：返乡创业的农民工、脱贫劳动力等，具体范围以当地人社部门公布为准。',
      '要准备什么：身份证、营业执照、创业项目的简单说明，有的还要参加创业培训。',
      '在哪里办：县人社局或县就业服务部门，也可以问乡镇劳务工作站。',
      '能贷多少、贴息多少、要不要反担保，以当地人社部门公布为准。',
      ask,
    ].join('\n'),
    source: '武山县人力资源和社会保障局',
  },
  {
    key: 'policy-startup-training',
    title: '想创业，可以先参加免费的创业培训',
    category: '返乡创业',
    summary: '创业培训教怎么选项目、算成本、办手续，符合条件的人员按规定享受培训补贴。',
    body: [
      '创业培训（比如 SYB“创办你的企业”）教您：选什么项目、算本钱和利润、怎么办营业执照、怎么找客户。',
      '符合条件的返乡人员、农村劳动力参加，一般由政府补贴培训费。',
      '参加过创业培训，申请创业担保贷款时有的地方会优先。',
      '开班时间和报名方法，问县劳务输转服务中心或乡镇劳务工作站。',
      ask,
    ].join('\n'),
    source: '武山县劳务输转服务中心',
  },
  {
    key: 'policy-public-welfare-jobs',
    title: '家里走不开，能不能在家门口就业',
    category: '就业补贴',
    summary: '家里有老人孩子要照顾、出不了远门的，可以找乡村公益性岗位、就业帮扶车间和县里的劳务品牌手艺活。',
    body: [
      '乡村公益性岗位：保洁、护林、水管员等，优先安排脱贫劳动力中出不了远门的人，有岗位补贴，名额和标准以当地公布为准。',
      '就业帮扶车间：在村里或镇上的加工车间干活，离家近，能照顾家里。',
      '劳务品牌手艺活：“武山柳编”等，在家门口学会就能接活挣钱。',
      '想做的，到村委会或乡镇劳务工作站登记。',
      ask,
    ].join('\n'),
    source: '武山县人力资源和社会保障局',
  },
]

export const policyFaqs: PolicyFaqSeed[] = [
  {
    key: 'faq-unpaid-wages',
    question: '工资被拖欠怎么办？',
    answer: '先留好合同、考勤、转账记录和聊天记录，找单位要。要不来就打 12333 投诉，或者申请劳动仲裁（不收费）。在外地找不到人帮忙，在“维权”里网上求助。',
    policyKey: 'policy-unpaid-wages',
  },
  {
    key: 'faq-pension-transfer',
    question: '社保怎么转？',
    answer: '到新地方上班参保后，在新参保地申请转入就行，可以用“掌上12333”APP 网上办，以前交的年限接着算。不要随便退保。',
    policyKey: 'policy-pension-transfer',
  },
  {
    key: 'faq-training-cost',
    question: '培训要钱吗？',
    answer: '县里组织的技能培训大多免费，或者学完拿到证书后按规定补贴。报名时会讲清楚，看不明白先打电话问。',
    policyKey: 'policy-training-subsidy',
  },
  {
    key: 'faq-no-contract',
    question: '老板不和我签合同怎么办？',
    answer: '上班一个月内单位就应该签书面合同。超过一个月不签的，单位要按规定每月付二倍工资。可以打 12333 投诉。',
    policyKey: 'policy-labour-contract',
  },
  {
    key: 'faq-injury',
    question: '在外地干活受伤了怎么办？',
    answer: '先看病，留好病历和票据，马上告诉单位。单位要申请工伤认定，单位不申请的，自己或家属一年内也可以申请。',
    policyKey: 'policy-work-injury',
  },
  {
    key: 'faq-medical',
    question: '在外地看病能用老家的医保吗？',
    answer: '能。先用“国家医保服务平台”APP 办异地就医备案，然后在外地定点医院看病就能直接结算。',
    policyKey: 'policy-medical-remote',
  },
  {
    key: 'faq-transport-subsidy',
    question: '出去打工有路费补助吗？',
    answer: '脱贫劳动力等人员外出务工，很多时候可以申请一次性交通补助。补多少、怎么申请，以当地人社部门公布为准，问乡镇劳务工作站。',
    policyKey: 'policy-transport-subsidy',
  },
  {
    key: 'faq-job-fee',
    question: '介绍工作要交钱吗？',
    answer: '县里和工作站介绍工作不收钱。有人先收押金、服装费、扣身份证的，不要交，可以打 12333 举报。',
    policyKey: 'policy-public-employment-service',
  },
]

/** Inserts the missing sample articles and FAQ entries (idempotent by seed_key, like the rest of the seed). */
export async function seedPolicies(trx: Kysely<DB>, now: Date): Promise<number> {
  const at = now.toISOString()
  let added = 0
  if (policies.length) {
    const result = await trx
      .insertInto('policies')
      .values(
        // A second apart, in the file's order: the list (newest first) then reads in that order.
        policies.map((p, i) => ({
          seed_key: p.key,
          title: p.title,
          category: p.category,
          summary: p.summary,
          body: p.body,
          source: p.source,
          search_text: policySearchText(p),
          is_sample: 1 as const,
          created_at: at,
          updated_at: new Date(now.getTime() - i * 1000).toISOString(),
        })),
      )
      .onConflict((oc) => oc.column('seed_key').doNothing())
      .executeTakeFirst()
    added += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  if (policyFaqs.length) {
    const rows = await trx.selectFrom('policies').select(['id', 'seed_key']).where('seed_key', 'is not', null).execute()
    const ids = new Map(rows.map((r) => [r.seed_key as string, r.id]))
    await trx
      .insertInto('policy_faqs')
      .values(
        policyFaqs.map((f, i) => ({
          seed_key: f.key,
          position: i + 1,
          question: f.question,
          answer: f.answer,
          policy_id: f.policyKey ? (ids.get(f.policyKey) ?? null) : null,
          created_at: at,
        })),
      )
      .onConflict((oc) => oc.column('seed_key').doNothing())
      .execute()
  }
  return added
}
