import { useMutation } from '@tanstack/react-query';
import type { ConfirmEmailAnswer, ConfirmEmailBody, PasswordResetBody, PasswordResetConfirmBody, RegisterAnswer } from '../../../shared/api/users';
import { post } from './http';

/** "Wachtwoord vergeten": the same answer whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (body: PasswordResetBody) => post<RegisterAnswer>('/api/auth/password-reset', body) });
}

/** A new password through the mailed link; every session of the account ends, so she logs in afresh. */
export function useResetPassword() {
  return useMutation({ mutationFn: (body: PasswordResetConfirmBody) => post<void>('/api/auth/password-reset/confirm', body) });
}

/** Following the link that confirms a registration's address. */
export function useConfirmEmail() {
  return useMutation({ mutationFn: (body: ConfirmEmailBody) => post<ConfirmEmailAnswer>('/api/auth/confirm-email', body) });
}
