export default definePageConfig({
  navigationBarTitleText: '记工',
})
