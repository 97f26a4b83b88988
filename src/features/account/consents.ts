import type { Consent, ConsentKind, Me } from '@contract'

/** The latest answer the worker gave for one kind of consent, if any. */
export function latestConsent(me: Me, kind: ConsentKind): Consent | undefined {
  return me.consents
    .filter((c) => c.kind === kind)
    .sort((a, b) => a.at.localeCompare(b.at))
    .pop()
}

export function hasConsent(me: Me, kind: ConsentKind): boolean {
  return latestConsent(me, kind)?.granted === true
}

/** What withdrawing each consent does, said before the worker confirms. */
export const withdrawEffect: Record<ConsentKind, string> = {
  privacy_notice: '撤回后，下次打开务工通会再问您。想删除您的信息，请注销账号。',
  id_number: '撤回后，我们会删除您填写的身份证号。以后需要时可以再填。',
  location: '撤回后，我们会删除保存的您的位置。',
  party_membership: '撤回后，我们会删除您的党员登记信息。',
}

/** Why the county asks for each thing (shown with the consent list). */
export const consentPurpose: Record<ConsentKind, string> = {
  privacy_notice: '同意按隐私政策使用您的信息',
  id_number: '县里登记务工台账、核对就业和培训补贴',
  location: '找离您最近的工作站和党支部',
  party_membership: '到所在地的流动党员党支部登记',
}
