// Taro builds pick use-ask-for-messages.weapp.ts or use-ask-for-messages.h5.ts; this file only serves tsc and jest (which run as H5).
export * from './use-ask-for-messages.h5'
