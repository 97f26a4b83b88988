export default definePageConfig({ navigationBarTitleText: '劳动力信息' })
