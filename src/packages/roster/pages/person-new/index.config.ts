export default definePageConfig({ navigationBarTitleText: '新增劳动力' })
