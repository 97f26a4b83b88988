// Taro builds pick ask-for-messages.weapp.ts or ask-for-messages.h5.ts; this file only serves tsc and jest (which run as H5).
export * from './ask-for-messages.h5'
