export default definePageConfig({ navigationBarTitleText: '零工到岗' })
