import type { MailTemplate } from '../types.js';
import { accountTemplates } from './account.js';
import { notificationTemplates } from './notification-mail.js';
import { privacyTemplates } from '../../privacy/export-mail.js';
import { trainingTemplates } from './trainings.js';
import { conversationTemplates } from '../../conversations/mail.js';
import { helpdeskTemplates } from '../../helpdesk/mail.js';

/** Every kind of mail the outbox can hold, by `mail_outbox.kind`. */
export const templates: Record<string, MailTemplate> = { ...accountTemplates, ...notificationTemplates, ...privacyTemplates, ...trainingTemplates, ...conversationTemplates, ...helpdeskTemplates };
