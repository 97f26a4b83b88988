import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { isApiError, newIdempotencyKey } from '@/api'
import type { StaffMember } from '@contract/staff'
import { townships, type Township } from '@contract/places'
import type { Person } from '@contract/roster'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { createPerson } from '@/features/roster/api/roster'
import { PersonRow } from '@/features/roster/components/roster-list'
import { PersonFields } from '@/features/roster/components/person-form'
import { recordProblems } from '@/features/roster/lib/check'
import { createBodyOf, emptyDraft, type PersonDraft } from '@/features/roster/lib/draft'
import { rosterPaths } from '@/features/roster/lib/paths'
import { openPage } from '@/lib/navigate'

/**
 * 新增: a household (户) of one or more people, as an officer records it at the door; or, opened from a person's
 * page, more members of that household. Each person is checked by the contract's rules before anything is sent.
 */
export default function RosterNewPersonPage() {
  const params = useRouter().params
  const householdId = Number(params.householdId ?? 0)
  const township = (townships as readonly string[]).includes(decodeURIComponent(params.township ?? '')) ? (decodeURIComponent(params.township!) as Township) : null
  const join = householdId > 0 && township && Number(params.villageId) > 0 ? { id: householdId, township, villageId: Number(params.villageId) } : null
  return (
    <StaffShell title={join ? '添加家庭成员' : '新增劳动力'}>
      {(staff) => (staff.role === 'station' ? <Text className='lead-text'>驻外工作站只能查看台账，新增请联系乡镇劳务专干。</Text> : <NewHousehold staff={staff} join={join} />)}
    </StaffShell>
  )
}

interface Member {
  uid: number
  draft: PersonDraft
  errors: Record<string, string>
  saved: Person | null
  message: string | null
  /** Reused while the same body is resent (a lost answer is not a second person). */
  attempt: { key: string; body: string } | null
}

const fixTheFields = '有几项需要改一下，请看红字'

function NewHousehold({ staff, join }: { staff: StaffMember; join: { id: number; township: Township; villageId: number } | null }) {
  const fixedTownship = staff.role === 'township' || staff.role === 'village' ? (staff.township as Township | null) : null
  const fixedVillage = staff.role === 'village' && staff.villageId ? { id: staff.villageId, name: staff.village ?? '' } : null
  const place = join ?? { township: fixedTownship, villageId: fixedVillage?.id ?? null }
  const nextUid = useRef(1)
  const blank = (relation: string): Member => ({ uid: nextUid.current++, draft: emptyDraft(place, relation), errors: {}, saved: null, message: null, attempt: null })
  const [members, setMembers] = useState<Member[]>(() => [blank(join ? '' : 'head')])
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const done = members.every((m) => m.saved)

  const update = (uid: number, patch: Partial<Member>) => setMembers((all) => all.map((m) => (m.uid === uid ? { ...m, ...patch } : m)))
  const setField = (uid: number, key: keyof PersonDraft, value: string) =>
    setMembers((all) => all.map((m) => (m.uid === uid ? { ...m, draft: { ...m.draft, [key]: value }, errors: Object.fromEntries(Object.entries(m.errors).filter(([k]) => k !== key)) } : m)))

  /** Members after the first live where the first does. */
  const withPlace = (m: Member, first: Member): PersonDraft => (join || m === first ? m.draft : { ...m.draft, township: first.draft.township, villageId: first.draft.villageId })

  const saveAll = async () => {
    if (busy) return
    setMessage(null)
    const first = members[0]
    const checked = members.map((m) => (m.saved ? {} : recordProblems(createBodyOf(withPlace(m, first), join?.id ?? first.saved?.householdId ?? null))))
    if (checked.some((c) => Object.keys(c).length)) {
      setMembers((all) => all.map((m, i) => ({ ...m, errors: checked[i], message: Object.keys(checked[i]).length ? fixTheFields : null })))
      setMessage(fixTheFields)
      return
    }
    setBusy(true)
    let householdId = join?.id ?? first.saved?.householdId ?? null
    try {
      for (const m of members) {
        if (m.saved) continue
        const body = createBodyOf(withPlace(m, first), householdId)
        const text = JSON.stringify(body)
        const attempt = m.attempt && m.attempt.body === text ? m.attempt : { key: newIdempotencyKey(), body: text }
        update(m.uid, { attempt })
        try {
          const saved = await createPerson(body, attempt.key)
          householdId = saved.householdId
          update(m.uid, { saved, errors: {}, message: null, attempt: null })
        } catch (e) {
          const fields = isApiError(e) && e.fields ? { ...e.fields } : {}
          // A registered ID number (409) names the record: said by the ID box.
          if (isApiError(e) && e.status === 409) fields.idNumber = e.message
          const keep = isApiError(e) && e.transient ? attempt : null
          update(m.uid, { errors: fields, message: Object.keys(fields).length ? fixTheFields : isApiError(e) ? e.message : '没有保存成功，请再试一次', attempt: keep })
          setMessage(`${m.draft.name || '这个人'}没有保存，请看红字；前面的人已保存`)
          return
        }
      }
    } finally {
      setBusy(false)
    }
  }

  if (done) {
    return (
      <Section title={`已保存 ${members.length} 人`}>
        {members.map((m) => m.saved && <PersonRow key={m.uid} person={m.saved} />)}
        <BigButton variant='secondary' onClick={() => openPage(rosterPaths.newPerson())}>
          再新增一户
        </BigButton>
      </Section>
    )
  }

  return (
    <View className='roster-new'>
      {members.map((m, i) => (
        <View key={m.uid} className='roster-member'>
          <Text className='roster-member__title'>{join ? `家庭成员 ${i + 1}` : i === 0 ? '第1个人（一般是户主）' : `家庭成员 ${i + 1}`}</Text>
          {m.saved ? (
            <Text className='wb-ok'>{m.saved.name} 已保存</Text>
          ) : (
            <>
              <PersonFields
                draft={m.draft}
                set={(k, v) => setField(m.uid, k, v)}
                errors={m.errors}
                fixedTownship={fixedTownship}
                fixedVillage={fixedVillage}
                placeFromHousehold={!!join || i > 0}
                prefix={`roster-new-${i + 1}`}
              />
              {m.message && <Text className='wb-message'>{m.message}</Text>}
              {i > 0 && (
                <BigButton variant='secondary' onClick={() => setMembers((all) => all.filter((x) => x.uid !== m.uid))}>
                  去掉这个人
                </BigButton>
              )}
            </>
          )}
        </View>
      ))}
      <BigButton variant='secondary' className='roster-new__add-member' onClick={() => setMembers((all) => [...all, blank('')])}>
        再添加一位家庭成员
      </BigButton>
      {message && (
        <Text className='wb-message' aria-live='polite'>
          {message}
        </Text>
      )}
      <BigButton className='roster-new__save' disabled={busy} onClick={() => void saveAll()}>
        {busy ? '正在保存…' : members.length > 1 ? `保存这一户（${members.length} 人）` : '保存'}
      </BigButton>
    </View>
  )
}
