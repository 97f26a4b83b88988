export default definePageConfig({ navigationBarTitleText: '劳务输转统计' })
