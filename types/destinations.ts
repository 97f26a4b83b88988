/**
 * Where the county's workers go, in an order people can scan: provinces and the cities the county's workers go to, each with its pinyin, and
 * the county-level cities where many of them work (昆山, 江阴, 义乌 …) with the prefecture they belong to, so a case or a
 * search about 昆山 reaches the 苏州 station. Pinyin is spelled out here because a mini-program's JavaScript cannot be
 * relied on to sort Chinese by pinyin (Intl collation is missing on many phones).
 */

/** Every province-level division, with its pinyin (陕西 as the official Shaanxi, which sorts it before 山西). */
export const provincePinyin: Record<string, string> = {
  北京市: 'beijing', 天津市: 'tianjin', 上海市: 'shanghai', 重庆市: 'chongqing', 河北省: 'hebei', 山西省: 'shanxi',
  辽宁省: 'liaoning', 吉林省: 'jilin', 黑龙江省: 'heilongjiang', 江苏省: 'jiangsu', 浙江省: 'zhejiang', 安徽省: 'anhui',
  福建省: 'fujian', 江西省: 'jiangxi', 山东省: 'shandong', 河南省: 'henan', 湖北省: 'hubei', 湖南省: 'hunan',
  广东省: 'guangdong', 海南省: 'hainan', 四川省: 'sichuan', 贵州省: 'guizhou', 云南省: 'yunnan', 陕西省: 'shaanxi',
  甘肃省: 'gansu', 青海省: 'qinghai', 台湾省: 'taiwan', 内蒙古自治区: 'neimenggu', 广西壮族自治区: 'guangxi',
  西藏自治区: 'xizang', 宁夏回族自治区: 'ningxia', 新疆维吾尔自治区: 'xinjiang', 香港特别行政区: 'xianggang',
  澳门特别行政区: 'aomen',
}

/** The prefecture-level cities the county's workers go to (stations, postings, transport), with their pinyin. */
export const cityPinyin: Record<string, string> = {
  北京市: 'beijing', 天津市: 'tianjin', 上海市: 'shanghai', 惠州市: 'huizhou', 大同市: 'datong', 呼和浩特市: 'huhehaote',
  鄂尔多斯市: 'eerduosi', 成都市: 'chengdu', 西安市: 'xian', 兰州市: 'lanzhou', 天水市: 'tianshui', 金昌市: 'jinchang',
  乌鲁木齐市: 'wulumuqi', 昌吉回族自治州: 'changji', 阿克苏地区: 'akesu', 烟台市: 'yantai', 无锡市: 'wuxi',
  苏州市: 'suzhou', 常州市: 'changzhou', 西宁市: 'xining', 宁波市: 'ningbo', 金华市: 'jinhua', 泉州市: 'quanzhou',
  绍兴市: 'shaoxing', 嘉兴市: 'jiaxing', 榆林市: 'yulin', 巴音郭楞蒙古自治州: 'bayinguoleng',
}

/** A county-level city: where workers say they are, and the prefecture whose stations serve it. GCJ-02 centre. */
export interface CountyCity {
  city: string
  pinyin: string
  prefecture: string
  province: string
  lat: number
  lng: number
}

export const countyCities: readonly CountyCity[] = [
  { city: '昆山市', pinyin: 'kunshan', prefecture: '苏州市', province: '江苏省', lat: 31.3856, lng: 120.9807 },
  { city: '常熟市', pinyin: 'changshu', prefecture: '苏州市', province: '江苏省', lat: 31.6537, lng: 120.7524 },
  { city: '张家港市', pinyin: 'zhangjiagang', prefecture: '苏州市', province: '江苏省', lat: 31.8755, lng: 120.5553 },
  { city: '太仓市', pinyin: 'taicang', prefecture: '苏州市', province: '江苏省', lat: 31.4579, lng: 121.1302 },
  { city: '江阴市', pinyin: 'jiangyin', prefecture: '无锡市', province: '江苏省', lat: 31.9203, lng: 120.2853 },
  { city: '宜兴市', pinyin: 'yixing', prefecture: '无锡市', province: '江苏省', lat: 31.3403, lng: 119.8235 },
  { city: '义乌市', pinyin: 'yiwu', prefecture: '金华市', province: '浙江省', lat: 29.3066, lng: 120.0753 },
  { city: '永康市', pinyin: 'yongkang', prefecture: '金华市', province: '浙江省', lat: 28.8882, lng: 120.0474 },
  { city: '慈溪市', pinyin: 'cixi', prefecture: '宁波市', province: '浙江省', lat: 30.1699, lng: 121.2665 },
  { city: '余姚市', pinyin: 'yuyao', prefecture: '宁波市', province: '浙江省', lat: 30.0372, lng: 121.1546 },
  { city: '诸暨市', pinyin: 'zhuji', prefecture: '绍兴市', province: '浙江省', lat: 29.7137, lng: 120.2365 },
  { city: '海宁市', pinyin: 'haining', prefecture: '嘉兴市', province: '浙江省', lat: 30.5106, lng: 120.6807 },
  { city: '晋江市', pinyin: 'jinjiang', prefecture: '泉州市', province: '福建省', lat: 24.7813, lng: 118.5523 },
  { city: '石狮市', pinyin: 'shishi', prefecture: '泉州市', province: '福建省', lat: 24.7322, lng: 118.6481 },
  { city: '龙口市', pinyin: 'longkou', prefecture: '烟台市', province: '山东省', lat: 37.6463, lng: 120.4775 },
  { city: '昌吉市', pinyin: 'changjishi', prefecture: '昌吉回族自治州', province: '新疆维吾尔自治区', lat: 44.0113, lng: 87.2678 },
  { city: '库尔勒市', pinyin: 'kuerle', prefecture: '巴音郭楞蒙古自治州', province: '新疆维吾尔自治区', lat: 41.7262, lng: 86.1743 },
  { city: '神木市', pinyin: 'shenmu', prefecture: '榆林市', province: '陕西省', lat: 38.8423, lng: 110.4987 },
]

/** Without its 市 (昆山市 → 昆山), as people type and say it. */
const stem = (name: string) => name.trim().replace(/市$/, '')

/** The county-level city a worker named, however written: 昆山, 昆山市, 江苏昆山, 江苏省昆山市. */
export function countyCityOf(text: string): CountyCity | undefined {
  const t = text.trim()
  if (!t) return undefined
  return countyCities.find((c) => {
    const short = stem(c.city)
    return t === c.city || t === short || t.endsWith(c.city) || t.endsWith(short)
  })
}

/** The prefecture whose stations serve a place: 昆山市 → 苏州市; anything else unchanged. */
export function prefectureOf(city: string): string {
  return countyCityOf(city)?.prefecture ?? city
}

/** A place's pinyin for sorting; a place not listed sorts after the listed ones, in code-point order. */
export function placePinyin(name: string): string {
  return provincePinyin[name] ?? cityPinyin[name] ?? countyCityOf(name)?.pinyin ?? `~${name}`
}

/** A–Z by pinyin: for lists of provinces or cities a person scans. */
export function byPinyin(a: string, b: string): number {
  const pa = placePinyin(a)
  const pb = placePinyin(b)
  return pa < pb ? -1 : pa > pb ? 1 : a < b ? -1 : a > b ? 1 : 0
}

/** The capital letter a list is grouped under: 江苏省 → J. */
export function pinyinInitial(name: string): string {
  const p = placePinyin(name)
  return p.startsWith('~') ? '#' : p[0].toUpperCase()
}
