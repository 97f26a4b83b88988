export default definePageConfig({ navigationBarTitleText: '回访名单' })
