/** The national human-resources and social-security hotline: wages owed, contracts, social insurance. */
export const nationalHotline = { phone: '12333', label: '全国人社服务热线（欠薪、合同、社保）' }
