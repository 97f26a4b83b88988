// The zod-free module: the app shell shows this notice without loading the whole contract.
import { privacyNoticeVersion } from '@contract/privacy'

export interface NoticeSection {
  title: string
  lines: string[]
}

/**
 * The privacy notice (个人信息保护告知), in words a worker who reads little can follow.
 * Changing what it says means bumping privacyNoticeVersion in the contract: everyone is asked again.
 */
export const privacyNotice: NoticeSection[] = [
  {
    title: '谁在用您的信息',
    lines: ['务工通由武山县劳务输转服务中心提供。您的信息由县劳务输转服务中心负责保管。'],
  },
  {
    title: '收集哪些信息',
    lines: [
      '不登录也能找工作、看培训、打电话求助，这时我们不收集您的姓名和电话。',
      '登录时：您的手机号，用来登录和联系您。',
      '您自己填的资料：姓名、家乡（乡镇和村）、会的工种和手艺、现在是否在外打工和在哪个城市、是否返乡、是否愿意外出、是否脱贫户。不想填的可以不填。',
      '只有您单独同意后才收集：身份证号；您的位置（用来找离您最近的工作站）。',
    ],
  },
  {
    title: '用来做什么',
    lines: [
      '帮您找工作、报名培训、处理您的求助。',
      '县里登记外出务工人员台账，核对就业补贴、培训补贴和路费补贴。身份证号只用于这两件事。',
      '县里本来就有全县劳动力台账（每个乡镇、每个村的人在哪里务工）。您登录时，如果手机号或身份证号对得上台账里的您，账号会和这条记录连起来：您在资料里改了在哪个城市打工、是否返乡，台账会跟着改，并注明是您本人改的。坐县里的专车出发、通过岗位被录用、订单培训结业后去上岗，台账也会记下。',
      '台账里没有您、您填了武山的家乡，我们会替您在台账上登记一条，请乡镇劳务专干核对。',
    ],
  },
  {
    title: '谁能看到',
    lines: [
      '县劳务输转服务中心和各个劳务工作站（包括外地的驻外工作站和流动党员党支部）的工作人员，只为帮您办事时查看。',
      '我们不会把您的信息卖给任何人，也不会交给与帮您办事无关的单位或个人。',
      '手机号和身份证号在页面上只显示一部分，例如 138****1234。',
    ],
  },
  {
    title: '保存多久',
    lines: [
      '您的账号在用期间一直保存。您随时可以注销账号。',
      '注销后，您的姓名、电话、身份证号、家乡等个人信息会被删除；还没办完的求助会去掉您的个人信息后保留，方便县里把事办完。',
      '县里的劳动力台账是政府办事的登记，注销账号后县里原有的那条记录还保留（姓名、村组、家庭和县里登记的情况）；您自己在App里说的（在哪里打工、是否返乡）会从台账和它的修改记录里删掉，账号和台账也不再连着。只由您自己登记、乡镇还没核对的那条，会整条删除。',
    ],
  },
  {
    title: '您可以怎么做',
    lines: [
      '查看：在“我的 → 导出我的信息”可以看到我们保存的关于您的全部信息，包括台账上您的那条记录。',
      '改正：在“我的 → 我的资料”随时修改。',
      '撤回同意：在“我的 → 隐私与授权”。撤回身份证号的同意，会删除您填的身份证号。',
      '删除：在“我的 → 注销账号”。',
      '有问题可以打县劳务输转服务中心的电话问。',
    ],
  },
]

export const privacyNoticeVersionLabel = `版本 ${privacyNoticeVersion}`

/** The few lines the first-launch prompt shows before the full text. */
export const privacySummary =
  '不登录也能用。登录后，我们保存您的手机号和您自己填的资料，只给县劳务部门和工作站用来帮您找工作、办补贴，不卖给任何人。您随时可以查看、修改、删除。'
