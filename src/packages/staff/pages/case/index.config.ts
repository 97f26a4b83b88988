export default definePageConfig({ navigationBarTitleText: '求助案件' })
