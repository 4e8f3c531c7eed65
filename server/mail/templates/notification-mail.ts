import type { MailTemplate } from '../types.js';

/** Notification mail ('notifications': one thread's news) and the daily or weekly 'digest'. */
export const notificationTemplates: Record<string, MailTemplate> = {};
