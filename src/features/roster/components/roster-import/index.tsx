import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { isApiError } from '@/api'
import type { StaffMember } from '@contract/staff'
import type { Township } from '@contract/places'
import type { RosterImport, RosterImportChange, RosterImportProblem } from '@contract/roster-imports'
import { chinaDateTime } from '@contract/format'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { asLink } from '@/lib/a11y'
import { chooseSheet, chooseSheetHint } from '@/lib/choose-sheet'
import { openPage } from '@/lib/navigate'
import { checkSheet, commitSheet } from '../../api/roster-import'
import { rosterPaths } from '../../lib/paths'
import '../roster.scss'

type Step =
  | { kind: 'start'; error?: string }
  | { kind: 'checking'; fileName: string }
  | { kind: 'checked'; result: RosterImport; error?: string }
  | { kind: 'committing'; result: RosterImport }
  | { kind: 'committed'; result: RosterImport }

/** What an upload or commit failure tells the officer: the file's own reason when the server names one. */
function failureText(e: unknown, fallback: string): string {
  if (isApiError(e)) return e.fields?.file ?? e.message
  return fallback
}

interface Props {
  staff: StaffMember
  /** The template's download (the workbench's file download); answers what to tell the officer. */
  downloadTemplate: () => Promise<string>
}

/**
 * 导入台账: the county's Excel ledger into the roster. Template, then the file, then the dry run (counts, every refused
 * row with its reason, every change shown both ways), then 确认导入 writes the good rows. Township officers import
 * their own township (the server refuses rows elsewhere); admins any.
 */
export function RosterImportFlow({ staff, downloadTemplate }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'start' })
  const [templateNote, setTemplateNote] = useState<string | null>(null)

  if (staff.role !== 'admin' && staff.role !== 'township') {
    return (
      <Section title='导入台账'>
        <Text className='lead-text'>只有乡镇劳务专干和县劳务输转服务中心可以导入台账。需要导入的，请把 Excel 文件交给乡镇劳务专干。</Text>
      </Section>
    )
  }

  const pick = async () => {
    const file = await chooseSheet()
    if (!file) return
    setStep({ kind: 'checking', fileName: file.name })
    try {
      setStep({ kind: 'checked', result: await checkSheet(file) })
    } catch (e) {
      setStep({ kind: 'start', error: failureText(e, '文件没有传上去，请再试一次') })
    }
  }

  const commit = async (result: RosterImport) => {
    setStep({ kind: 'committing', result })
    try {
      setStep({ kind: 'committed', result: await commitSheet(result.id) })
    } catch (e) {
      setStep({ kind: 'checked', result, error: failureText(e, '没有导入成功，请再试一次') })
    }
  }

  const template = async () => {
    setTemplateNote(null)
    try {
      setTemplateNote(await downloadTemplate())
    } catch {
      setTemplateNote('模板没有下载成功，请稍后再试')
    }
  }

  const who = staff.role === 'township' ? `你是${staff.township ?? ''}的劳务专干，只能导入${staff.township ?? '本乡镇'}的人。` : '县级管理员可以导入全县各乡镇的人。'

  return (
    <View className='roster-import'>
      <Text className='roster-import__who'>{who}</Text>
      {step.kind === 'start' && (
        <Section title='第一步：下载模板'>
          <Text className='roster-import__line'>按模板的表头填（姓名、身份证号、乡镇、村、户类别、目前状态必须填）。模板里“可选值”那一页是能填的乡镇、村、状态和工种。</Text>
          <View {...asLink} className='roster-import__link' onClick={() => void template()}>
            <Text>下载导入模板（Excel）</Text>
          </View>
          {templateNote && <Text className='wb-ok'>{templateNote}</Text>}
        </Section>
      )}
      {step.kind === 'start' && (
        <Section title='第二步：选择填好的文件'>
          <Text className='roster-import__line'>只能是 .xlsx 文件，最大 20MB。选好后先检查，检查时不会改动台账。</Text>
          {chooseSheetHint && <Text className='roster-import__line'>{chooseSheetHint}</Text>}
          {step.error && (
            <Text className='wb-message roster-import__error' aria-live='polite'>
              {step.error}
            </Text>
          )}
          <BigButton className='roster-import__choose' onClick={() => void pick()}>
            选择 Excel 文件
          </BigButton>
        </Section>
      )}
      {step.kind === 'checking' && (
        <Section title='正在检查'>
          <Text className='roster-import__line' aria-live='polite'>
            正在检查“{step.fileName}”，人多的文件要一两分钟，请不要离开这个页面。
          </Text>
        </Section>
      )}
      {(step.kind === 'checked' || step.kind === 'committing') && (
        <DryRun
          result={step.result}
          busy={step.kind === 'committing'}
          error={step.kind === 'checked' ? step.error : undefined}
          onCommit={() => void commit(step.result)}
          onAgain={() => setStep({ kind: 'start' })}
        />
      )}
      {step.kind === 'committed' && <Committed result={step.result} onAgain={() => setStep({ kind: 'start' })} />}
    </View>
  )
}

function Count({ label, value, tone }: { label: string; value: number; tone?: 'warn' }) {
  return (
    <View className={`roster-import__count ${tone ? `roster-import__count--${tone}` : ''}`}>
      <Text className='roster-import__count-value'>{value}</Text>
      <Text className='roster-import__count-label'>{label}</Text>
    </View>
  )
}

interface DryRunProps {
  result: RosterImport
  busy: boolean
  error?: string
  onCommit: () => void
  onAgain: () => void
}

/** The dry run: nothing is written yet. */
function DryRun({ result, busy, error, onCommit, onAgain }: DryRunProps) {
  const { summary } = result
  const toWrite = summary.new + summary.changed
  return (
    <View>
      <Section title='检查结果（还没有导入）'>
        <Text className='roster-import__line'>
          文件：{result.fileName}，共 {summary.rows} 行
          {result.township ? `，${result.township}` : ''}
        </Text>
        {result.sameFile && (
          <Text className='wb-message roster-import__same'>
            这个文件已经导入过了（{chinaDateTime(result.sameFile.committedAt)}，{result.sameFile.staff.displayName}），再导入不会改变台账。
          </Text>
        )}
        <View className='roster-import__counts'>
          <Count label='新增的人' value={summary.new} />
          <Count label='有变化的人' value={summary.changed} />
          <Count label='没有变化的人' value={summary.unchanged} />
          <Count label='不能导入的行' value={summary.refused} tone={summary.refused ? 'warn' : undefined} />
        </View>
      </Section>
      {result.problemCount > 0 && <Problems problems={result.problems} total={result.problemCount} refused={summary.refused} />}
      {result.changes.length > 0 && <Changes changes={result.changes} total={summary.changed} />}
      <Section>
        {toWrite > 0 ? (
          <Text className='roster-import__line'>
            确认后：新增 {summary.new} 人，更新 {summary.changed} 人的信息（改动记在每个人的修改记录里，来源“导入”）。
            {summary.refused ? `不能导入的 ${summary.refused} 行不会导入，改好后可以再导入这个文件。` : ''}
          </Text>
        ) : (
          <Text className='roster-import__line'>这个文件里没有要写入台账的内容。</Text>
        )}
        {error && (
          <Text className='wb-message roster-import__error' aria-live='polite'>
            {error}
          </Text>
        )}
        {toWrite > 0 && (
          <BigButton className='roster-import__commit' disabled={busy} onClick={onCommit}>
            {busy ? '正在导入，请稍等…' : '确认导入'}
          </BigButton>
        )}
        {!busy && (
          <BigButton variant='secondary' onClick={onAgain}>
            重新选择文件
          </BigButton>
        )}
      </Section>
    </View>
  )
}

/** Every refused cell or row: row number, column, what was read (ID numbers masked), and why. */
function Problems({ problems, total, refused }: { problems: RosterImportProblem[]; total: number; refused: number }) {
  return (
    <Section title={`不能导入的行（${refused} 行）`}>
      <Text className='roster-import__line'>这些行不会导入。请在 Excel 里改好，再导入一次。</Text>
      {total > problems.length && <Text className='roster-import__line'>问题太多，下面只列出前 {problems.length} 条（共 {total} 条）。</Text>}
      <View className='wb-table roster-import__problems' style={{ '--wb-columns': '0.6fr 1fr 1.4fr 3fr' } as React.CSSProperties}>
        <View className='wb-table__head'>
          <Text>行</Text>
          <Text>列</Text>
          <Text>填的内容</Text>
          <Text>原因</Text>
        </View>
        {problems.map((p, i) => (
          <View key={`${p.row}-${p.column ?? ''}-${i}`} className='wb-card roster-import__problem'>
            <Text className='roster-import__cell roster-import__cell--row'>第 {p.row} 行</Text>
            <Text className='roster-import__cell'>{p.column ?? '整行'}</Text>
            <Text className='roster-import__cell'>{p.value ?? '（空）'}</Text>
            <Text className='roster-import__cell roster-import__reason'>{p.message}</Text>
          </View>
        ))}
      </View>
    </Section>
  )
}

/** People already on the roster whose row says something else: each column as the roster has it and as the sheet says. */
function Changes({ changes, total }: { changes: RosterImportChange[]; total: number }) {
  return (
    <Section title={`有变化的人（${total} 人）`}>
      <Text className='roster-import__line'>这些人已经在台账里，表格里填的不一样。确认导入后按表格里的改。</Text>
      {total > changes.length && <Text className='roster-import__line'>下面只列出前 {changes.length} 人。</Text>}
      {changes.map((c) => (
        <View key={c.row} className='roster-change roster-import__change'>
          <Text className='roster-change__who'>
            第 {c.row} 行 · {c.name}
          </Text>
          {c.fields.map((f) => (
            <View key={f.column} className='roster-import__field'>
              <Text className='roster-import__field-name'>{f.column}</Text>
              <Text className='roster-change__line'>台账里：{f.before ?? '（空）'}</Text>
              <Text className='roster-change__line'>表格里：{f.after ?? '（空）'}</Text>
            </View>
          ))}
        </View>
      ))}
    </Section>
  )
}

function Committed({ result, onAgain }: { result: RosterImport; onAgain: () => void }) {
  const w = result.written ?? { created: 0, updated: 0, unchanged: 0 }
  return (
    <Section title='导入完成'>
      <Text className='wb-ok roster-import__done' aria-live='polite'>
        已导入“{result.fileName}”：新增 {w.created} 人，更新 {w.updated} 人。
      </Text>
      {w.unchanged > 0 && <Text className='roster-import__line'>另有 {w.unchanged} 人在检查之后已经被改成一样的，没有再改。</Text>}
      {result.summary.refused > 0 && <Text className='roster-import__line'>不能导入的 {result.summary.refused} 行没有导入。</Text>}
      <BigButton onClick={() => openPage(rosterPaths.people(result.township ? { township: result.township as Township } : {}))}>去劳动力台账看看</BigButton>
      <BigButton variant='secondary' onClick={onAgain}>
        再导入一个文件
      </BigButton>
    </Section>
  )
}
