export default definePageConfig({
  navigationBarTitleText: '只留电话，请回电',
})
