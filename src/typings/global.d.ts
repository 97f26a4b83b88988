/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built: Taro replaces it at compile time. */
    TARO_ENV: 'weapp' | 'h5' | string
    /** weapp only: absolute base URL of the API (see .env.development / .env.production). */
    TARO_APP_API_BASE?: string
    /** weapp only: WeChat subscribe-message templates, the same JSON as the server's WECHAT_SUBSCRIBE_TEMPLATES. */
    TARO_APP_WECHAT_TEMPLATES?: string
  }
}
