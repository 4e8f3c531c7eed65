import type { MailTemplate } from '../types.js';

/** Account mail: always sent, no unsubscribe (password reset, address confirmation, approval, rejection, suspension). */
export const accountTemplates: Record<string, MailTemplate> = {};
