export default definePageConfig({ navigationBarTitleText: '用工单位' })
