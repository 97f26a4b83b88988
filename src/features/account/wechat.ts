// Taro builds pick wechat.weapp.ts or wechat.h5.ts; this file only serves tsc and jest (which run as H5).
export * from './wechat.h5'
