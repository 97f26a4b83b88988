// Taro builds pick choose-sheet.weapp.ts or choose-sheet.h5.ts; this file only serves tsc and jest (which run as H5).
export * from './choose-sheet.h5'
