import Taro from '@tarojs/taro'

/** Opens the phone's dialer with the number; both platforms handle it (tel: on H5). */
export function callPhone(phone: string): void {
  Taro.makePhoneCall({ phoneNumber: phone.replace(/[^\d+]/g, '') }).catch(() => {
    // The user cancelled the dialog: nothing to do.
  })
}
