/**
 * Importing the county's sheets: a fixture .xlsx made here with every kind of bad cell under a merged title row, the
 * dry run's problems and counts, nothing written before the commit, the commit's history (source 导入), re-importing
 * the same file and committing twice changing nothing, who may import and commit, and the files refused whole.
 */
import ExcelJS from 'exceljs'
import { rosterImportColumns, type RosterImport } from '../../types'
import { bearer, staffSignIn } from '../test-support/accounts'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'

jest.setTimeout(90_000)

let t: TestApp
const tok = { admin: '', luomen: '', chengguan: '', village: '', station: '' }
let luomen: { id: number; name: string }
let luomen2: { id: number; name: string }
let chengguan: { id: number; name: string }
let existingChanged = 0
let existingSame = 0

beforeAll(async () => {
  t = await buildTestApp()
  tok.admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  tok.station = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  luomen = await villageOf(t.app, tok.admin, '洛门镇', 0)
  luomen2 = await villageOf(t.app, tok.admin, '洛门镇', 1)
  chengguan = await villageOf(t.app, tok.admin, '城关镇', 0)
  tok.luomen = await openAccount(t.app, tok.admin, 'imp-luomen', { role: 'township', township: '洛门镇' })
  tok.chengguan = await openAccount(t.app, tok.admin, 'imp-chengguan', { role: 'township', township: '城关镇' })
  tok.village = await openAccount(t.app, tok.admin, 'imp-village', { role: 'village', township: '洛门镇', village: luomen.name })
  const create = async (body: object) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/staff/people', headers: { ...bearer(tok.admin), 'idempotency-key': freshKey() }, payload: body })
    if (res.statusCode !== 201) throw new Error(res.body)
    return res.json().id as number
  }
  existingChanged = await create(personBody({ name: '老张', idNumber: idNumberFor(501), township: '洛门镇', villageId: luomen.id, poverty: 'general', status: 'unwilling' }))
  existingSame = await create(personBody({ name: '老李', idNumber: idNumberFor(502), township: '洛门镇', villageId: luomen.id, poverty: 'alleviated', status: 'willing' }))
})
afterAll(() => t.close())

const headers = rosterImportColumns.map((c) => c.header)
type Row = Partial<Record<(typeof headers)[number], ExcelJS.CellValue>>

/** A sheet as the county makes them: a merged title row over the header, then the rows. */
async function sheet(rows: Row[], opts: { title?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  if (opts.title !== false) {
    ws.addRow(['武山县洛门镇劳动力台账（2026年）'])
    ws.mergeCells(1, 1, 1, headers.length)
  }
  ws.addRow(headers)
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function multipart(fileName: string, bytes: Buffer, field = 'file') {
  const boundary = `----wgt${Math.random().toString(16).slice(2)}`
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`)
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` }
}

async function upload(token: string, bytes: Buffer, fileName = '台账.xlsx') {
  const { payload, contentType } = multipart(fileName, bytes)
  return t.app.inject({ method: 'POST', url: '/api/staff/roster-imports', headers: { ...bearer(token), 'content-type': contentType }, payload })
}
const commit = (token: string, id: number) => t.app.inject({ method: 'POST', url: `/api/staff/roster-imports/${id}/commit`, headers: bearer(token) })
const peopleCount = async () => Number((await t.db.selectFrom('people').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
const versionCount = async () => Number((await t.db.selectFrom('person_versions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

const base = (over: Row): Row => ({ 姓名: '王小明', 乡镇: '洛门镇', 村: luomen.name, 户类别: '一般户', 目前状态: '暂无外出意愿', ...over })
const head = idNumberFor(601)
const member = idNumberFor(602)
const badCheck = (() => {
  const id = idNumberFor(603)
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0')
})()
const toFullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

function fixtureRows(): Row[] {
  return [
    /* 3 */ base({ 姓名: '赵 大 山', 身份证号: head, 手机号: '13912345601', 户类别: '脱贫户', 目前状态: '外出务工（省外）', 去向省份: '江苏', 去向城市: '苏州', 工种: '电工', 月收入: 4500 }),
    // Full-width digits and stray spaces in the ID number; a member of row 3's household.
    /* 4 */ base({ 姓名: '钱秀兰', 身份证号: ` ${toFullWidth(member.slice(0, 9))} ${toFullWidth(member.slice(9))}\u00a0`, 户主身份证号: head, 与户主关系: '妻子' }),
    /* 5 */ base({ 姓名: '孙错号', 身份证号: badCheck }),
    /* 6 */ base({ 姓名: '李东山', 身份证号: idNumberFor(604), 乡镇: '东山镇' }),
    /* 7 */ base({ 姓名: '周无村', 身份证号: idNumberFor(605), 村: '不存在村' }),
    /* 8 */ base({ 姓名: '吴别镇', 身份证号: idNumberFor(606), 村: chengguan.name }),
    /* 9 */ base({ 姓名: '郑重复', 身份证号: head }),
    // What Excel keeps of an 18-digit number typed into a number cell.
    /* 10 */ base({ 姓名: '冯数字', 身份证号: 620524199001016000 }),
    /* 11 */ base({ 姓名: { formula: 'B99' } as ExcelJS.CellValue, 身份证号: idNumberFor(607) }),
    /* 12 */ base({ 姓名: { formula: '"王"&"五"', result: '王五' } as ExcelJS.CellValue, 身份证号: idNumberFor(608), 组: 3 }),
    /* 13 */ base({ 姓名: '老张', 身份证号: idNumberFor(501), 目前状态: '返乡回流', 返乡原因: '照顾家庭' }),
    /* 14 */ base({ 姓名: '老李', 身份证号: idNumberFor(502), 户类别: '脱贫户', 目前状态: '有意愿外出' }),
    /* 15 */ base({ 姓名: '陈缺省', 身份证号: idNumberFor(609), 目前状态: '外出务工（省外）' }),
    // Text that looks like a formula is text: imported as written (and made safe on the way out).
    /* 16 */ base({ 姓名: '=1+1', 身份证号: idNumberFor(610) }),
    /* 17 */ base({ 姓名: '褚错误', 身份证号: idNumberFor(611), 工种: { error: '#N/A' } as ExcelJS.CellValue }),
  ]
}

describe('the check and the commit', () => {
  let checked: RosterImport
  let peopleBefore = 0
  /** The very same bytes both times (exceljs stamps the time it wrote a workbook). */
  let fixture: Buffer

  beforeAll(async () => {
    peopleBefore = await peopleCount()
    fixture = await sheet(fixtureRows())
    const res = await upload(tok.luomen, fixture)
    expect(res.statusCode).toBe(201)
    checked = res.json()
  })

  test('the summary counts each row once', () => {
    expect(checked.summary).toEqual({ rows: 15, new: 4, changed: 1, unchanged: 1, refused: 9 })
    expect(checked.state).toBe('checked')
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(checked.township).toBe('洛门镇')
    expect(checked.sameFile).toBeNull()
  })

  test('every bad cell is listed with its reason, ID numbers masked', () => {
    const at = (row: number) => checked.problems.filter((p) => p.row === row).map((p) => `${p.column}: ${p.message}`)
    expect(at(5)).toEqual(['身份证号: 身份证号最后一位不对，请核对'])
    expect(at(6)).toEqual([expect.stringMatching(/^乡镇: 武山县没有这个乡镇/)])
    expect(at(7)).toEqual([`村: 洛门镇没有这个村，请从“可选值”表里选`])
    expect(at(8)).toEqual([`村: ${chengguan.name}不属于洛门镇（它在城关镇）`])
    expect(at(9)).toEqual(['身份证号: 和第3行是同一个身份证号，这一行没有导入'])
    expect(at(10)).toEqual([expect.stringMatching(/^身份证号: .*精度丢失/)])
    expect(checked.problems.find((p) => p.row === 10)?.value).toBe('6.20524E+17')
    expect(at(11)).toEqual([expect.stringMatching(/^姓名: 这一格是公式/)])
    expect(at(15)).toEqual(['去向省份: 外出务工要填去了哪个省'])
    expect(at(17)).toEqual(['工种: 这一格是错误值（#N/A），请改正后再导入'])
    expect(checked.problemCount).toBe(9)
    const dup = checked.problems.find((p) => p.row === 9)!
    expect(dup.value).toMatch(/^6205\*+/)
    expect(JSON.stringify(checked)).not.toContain(head)
  })

  test('a person already on the roster with other data: both shown', () => {
    expect(checked.changes).toEqual([
      {
        row: 13,
        personId: existingChanged,
        name: '老张',
        fields: [
          { column: '目前状态', before: '暂无外出意愿', after: '返乡回流' },
          { column: '返乡原因', before: null, after: '照顾家庭' },
        ],
      },
    ])
  })

  test('nothing reaches the roster before the commit', async () => {
    expect(await peopleCount()).toBe(peopleBefore)
    const rows = await t.db.selectFrom('roster_import_rows').select(['fields_enc']).where('import_id', '=', checked.id).execute()
    expect(rows).toHaveLength(5)
    // Kept encrypted: no ID number in the clear.
    expect(rows.every((r) => !r.fields_enc.includes('620524'))).toBe(true)
  })

  test('only the importer or an admin commits; village and station staff never', async () => {
    expect((await commit(tok.chengguan, checked.id)).statusCode).toBe(404)
    expect((await commit(tok.village, checked.id)).statusCode).toBe(403)
    expect((await commit(tok.station, checked.id)).statusCode).toBe(403)
    expect((await t.app.inject({ url: `/api/staff/roster-imports/${checked.id}`, headers: bearer(tok.chengguan) })).statusCode).toBe(404)
    expect((await t.app.inject({ url: `/api/staff/roster-imports/${checked.id}`, headers: bearer(tok.admin) })).statusCode).toBe(200)
  })

  test('the commit writes the good rows with history source 导入; a second commit writes nothing', async () => {
    const res = await commit(tok.luomen, checked.id)
    expect(res.statusCode).toBe(200)
    expect(res.json().state).toBe('committed')
    expect(res.json().written).toEqual({ created: 4, updated: 1, unchanged: 0 })
    expect(await peopleCount()).toBe(peopleBefore + 4)
    const versions = await versionCount()

    const again = await commit(tok.luomen, checked.id)
    expect(again.statusCode).toBe(200)
    expect(again.json().written).toEqual({ created: 4, updated: 1, unchanged: 0 })
    expect(await versionCount()).toBe(versions)

    const zhao = await t.db.selectFrom('people').selectAll().where('name', '=', '赵大山').executeTakeFirstOrThrow()
    expect(zhao).toMatchObject({ source: 'import', status: 'away_other_province', destination_province: '江苏省', destination_city: '苏州市', income_band: '3000_5000', poverty: 'alleviated', trade: '电工', relation: 'head', version: 1 })
    const qian = await t.db.selectFrom('people').selectAll().where('name', '=', '钱秀兰').executeTakeFirstOrThrow()
    expect(qian).toMatchObject({ household_id: zhao.household_id, relation: 'spouse', id_number_hash: t.app.keys.hmac('id-number', member) })
    expect(await t.db.selectFrom('people').select('group_name').where('name', '=', '王五').executeTakeFirstOrThrow()).toEqual({ group_name: '3组' })

    const history = await t.app.inject({ url: `/api/staff/people/${existingChanged}/history`, headers: bearer(tok.luomen) })
    const latest = history.json().items[0]
    expect(latest).toMatchObject({ version: 2, source: 'import' })
    expect(latest.changes.map((c: { field: string }) => c.field).sort()).toEqual(['returnReason', 'status'])
    const same = await t.db.selectFrom('people').select(['version', 'source']).where('id', '=', existingSame).executeTakeFirstOrThrow()
    expect(same).toEqual({ version: 1, source: 'staff' })
    const audit = await t.db.selectFrom('audit_log').select('after_json').where('action', '=', 'roster_import.commit').where('entity_id', '=', checked.id).execute()
    expect(audit).toHaveLength(1)
  })

  test('the same file imported again changes nothing', async () => {
    const versions = await versionCount()
    const res = await upload(tok.luomen, fixture)
    expect(res.statusCode).toBe(201)
    expect(res.json().summary).toEqual({ rows: 15, new: 0, changed: 0, unchanged: 6, refused: 9 })
    expect(res.json().sha256).toBe(checked.sha256)
    // The page says the file was imported already: when, and by whom.
    expect(res.json().sameFile).toEqual({ id: checked.id, committedAt: expect.any(String), staff: checked.staff })
    const done = await commit(tok.luomen, res.json().id)
    expect(done.json().written).toEqual({ created: 0, updated: 0, unchanged: 0 })
    expect(await versionCount()).toBe(versions)
  })
})

test('a township officer imports only their township; an admin any', async () => {
  const rows = [base({ 姓名: '城关人', 身份证号: idNumberFor(701), 乡镇: '城关镇', 村: chengguan.name })]
  const officer = await upload(tok.luomen, await sheet(rows))
  expect(officer.json().problems).toEqual([{ row: 3, column: '乡镇', value: '城关镇', message: '你只能导入洛门镇的人' }])
  const admin = await upload(tok.admin, await sheet(rows))
  expect(admin.json().summary.new).toBe(1)
  // Someone registered in another township is not this officer's to change.
  const moved = await upload(tok.chengguan, await sheet([base({ 姓名: '老张', 身份证号: idNumberFor(501), 乡镇: '城关镇', 村: chengguan.name })]))
  expect(moved.json().problems[0].message).toMatch(/已经在洛门镇登记/)
  expect((await upload(tok.village, await sheet(rows))).statusCode).toBe(403)
  expect((await upload(tok.station, await sheet(rows))).statusCode).toBe(403)
})

test('a member whose head is neither on the roster nor a good row of the file is refused', async () => {
  const res = await upload(tok.luomen, await sheet([base({ 姓名: '孤儿户', 身份证号: idNumberFor(702), 户主身份证号: idNumberFor(703), 与户主关系: '子女' }), base({ 姓名: '别村人', 身份证号: idNumberFor(704), 户主身份证号: head, 与户主关系: '子女', 村: luomen2.name })]))
  expect(res.json().summary).toMatchObject({ new: 0, refused: 2 })
  expect(res.json().problems.map((p: { message: string }) => p.message)).toEqual([expect.stringMatching(/户主不在台账里/), expect.stringMatching(/同一个村/)])
})

describe('files refused whole, nothing kept', () => {
  const refused = async (bytes: Buffer, status: number, message: RegExp, fileName = '台账.xlsx') => {
    const before = Number((await t.db.selectFrom('roster_imports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const res = await upload(tok.admin, bytes, fileName)
    expect(res.statusCode).toBe(status)
    expect(res.json().error.message).toMatch(message)
    expect(Number((await t.db.selectFrom('roster_imports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before)
  }

  test('a CSV renamed .xlsx', () => refused(Buffer.from('\uFEFF姓名,身份证号\r\n王小明,620524199001010011\r\n'), 400, /不是 Excel 文件/))
  test('an .xls of Excel 2003', () => refused(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 400, /旧版 Excel/, '台账.xls'))
  test('a zip that is no workbook', async () => {
    const wb = await sheet([])
    // The same zip with its workbook part renamed: a zip, not an .xlsx.
    await refused(Buffer.from(wb.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmk'), 'latin1'), 400, /不是 Excel 文件/)
  })
  test('a zip bomb: parts that would inflate to gigabytes', async () => {
    const wb = await sheet([base({ 身份证号: idNumberFor(801) })])
    // Every central-directory entry claims 1.9 GB once inflated.
    let at = wb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    while (at >= 0) {
      wb.writeUInt32LE(0x7fffffff, at + 24)
      at = wb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
    }
    await refused(wb, 400, /解压后/)
  })
  test('a broken zip', async () => refused((await sheet([])).subarray(0, 400), 400, /损坏|不是 Excel/))
  test('a sheet without the header', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Sheet1').addRow(['名字', '号码'])
    await refused(Buffer.from(await wb.xlsx.writeBuffer()), 400, /没有找到表头/)
  })
  test('a header without a required column', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Sheet1').addRow(['姓名', '身份证号', '乡镇'])
    await refused(Buffer.from(await wb.xlsx.writeBuffer()), 400, /缺少这几列：村、户类别、目前状态/)
  })
  test('past 20 MB: 413 in Chinese', async () => refused(Buffer.alloc(21 * 1024 * 1024, 1), 413, /文件太大了（最大20MB）/))
  test('no file at all', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/staff/roster-imports', headers: { ...bearer(tok.admin), 'content-type': 'application/json' }, payload: '{}' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.file).toMatch(/请选择/)
  })
})

test('the template: the county headers in order, a sheet of allowed values and drop-downs', async () => {
  const res = await t.app.inject({ url: '/api/staff/roster-imports/template', headers: bearer(tok.admin) })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toMatch(/spreadsheetml/)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  const ws = wb.getWorksheet('台账')!
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(headers)
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  expect(ws.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/可选值/)] })
  const lists = wb.getWorksheet('可选值')!
  expect(lists.getColumn(1).values.filter(Boolean)).toHaveLength(16)
  // A township officer's lists only their own township.
  const own = await t.app.inject({ url: '/api/staff/roster-imports/template', headers: bearer(tok.luomen) })
  const wb2 = new ExcelJS.Workbook()
  await wb2.xlsx.load(own.rawPayload as unknown as ArrayBuffer)
  expect(wb2.getWorksheet('可选值')!.getColumn(1).values.filter(Boolean)).toEqual(['乡镇', '洛门镇'])
  expect((await t.app.inject({ url: '/api/staff/roster-imports/template', headers: bearer(tok.village) })).statusCode).toBe(403)
})

