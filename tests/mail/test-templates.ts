import { mailLayout } from '../../server/mail/layout.js';
import { templates } from '../../server/mail/templates/index.js';

/**
 * Template kinds only these tests use, added to the real registry of this test process (each test file runs in its
 * own process), so the worker is tested without depending on the account and notification templates.
 */
export function addTestTemplates(): void {
  templates.test_account = async (context) =>
    mailLayout(context, {
      subject: `Testbericht ${String(context.data.n ?? '')}`.trim(),
      blocks: [
        'Een gewone alinea <b>niet vet</b> & zo.',
        { action: { label: 'Naar het forum', url: context.url('/forum') } },
      ],
    });
  templates.test_notice = async (context) =>
    mailLayout(context, {
      subject: 'Nieuwe reacties',
      blocks: [{ list: [{ text: 'Een discussie', url: context.url('/discussie/1'), detail: '2 nieuwe reacties' }] }],
      unsubscribe: 'replies',
    });
  templates.test_nothing = async () => null;
}
