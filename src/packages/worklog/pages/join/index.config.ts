export default definePageConfig({
  navigationBarTitleText: '工友一起记',
})
