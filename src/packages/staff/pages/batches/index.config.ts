export default definePageConfig({ navigationBarTitleText: '点对点专车' })
