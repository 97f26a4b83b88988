import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import {
  getNotificationSettings,
  listMyMessages,
  listStaffAlerts,
  listStaffNotifications,
  markStaffAlertsRead,
  markMessagesRead,
  resendNotification,
  updateNotificationSettings,
} from '../notifications/notifications.service'
import { saveSubscriptions } from '../notifications/subscriptions.service'

export function notificationRoutes(app: FastifyInstance): void {
  route(app, api.listMyMessages, ({ caller, query }) => listMyMessages(app.db, caller.userId, query))
  route(app, api.markMessagesRead, ({ caller, body }) => markMessagesRead(app.db, caller.userId, body, app.clock()))
  route(app, api.getNotificationSettings, ({ caller }) => getNotificationSettings(app.db, caller.userId))
  route(app, api.updateNotificationSettings, ({ caller, body }) => updateNotificationSettings(app.db, caller.userId, body, app.clock()))
  route(app, api.staffListAlerts, ({ caller, query }) => listStaffAlerts(app.db, caller, query))
  route(app, api.staffMarkAlertsRead, ({ caller, body }) => markStaffAlertsRead(app.db, caller, body, app.clock()))
  route(app, api.staffListNotifications, ({ caller, query }) => listStaffNotifications(app.db, app.keys, caller, query))
  route(app, api.saveSubscriptions, ({ caller, body }) => saveSubscriptions(app.db, app.keys, app.config.wechat, caller.userId, body, app.clock()))
  route(app, api.staffResendNotification, ({ caller, params }) => resendNotification(app.db, app.keys, caller, params.id, app.clock()))
}
