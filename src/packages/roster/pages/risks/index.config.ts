export default definePageConfig({ navigationBarTitleText: '风险名单' })
