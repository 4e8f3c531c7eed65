import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PasswordConfirmBody, RecoveryCodeList, TotpEnableBody, TotpLoginBody, TotpSetup, TotpStatus } from '../../../shared/api/totp';
import type { LoginAnswer } from '../../../shared/api/users';
import { loggedIn } from './auth';
import { get, post, setCsrfToken } from './http';

/** Not under ['me']: saving the profile refetches everything but 'me', and this may be refetched with it. */
const statusKey = ['two-step'] as const;

/** The second step after the password: a code from her app, or a recovery code. */
export function useLoginCode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TotpLoginBody) => post<LoginAnswer>('/api/auth/login/totp', body, { newSession: true }),
    onSuccess: (answer) => loggedIn(client, answer),
  });
}

export function useTwoStepStatus(enabled: boolean) {
  return useQuery({ queryKey: statusKey, queryFn: () => get<TotpStatus>('/api/me/totp'), enabled });
}

/**
 * Turning it on or off changes more than this section: the account (totpEnabled; for staff where it is required,
 * whether she may moderate, so the header's counts and every list she sees), hence everything is fetched again.
 */
function useRefetchAll() {
  const client = useQueryClient();
  return () => void client.invalidateQueries();
}

/** A new secret, offered (for 15 minutes) until a code from it confirms it. */
export function useTwoStepSetup() {
  return useMutation({ mutationFn: () => post<TotpSetup>('/api/me/totp/setup') });
}

/** What the answer tells for sure, shown at once (the refetch follows): the codes must never sit beside "staat uit". */
function useSetStatus() {
  const client = useQueryClient();
  return (change: Partial<TotpStatus>) => client.setQueryData<TotpStatus>(statusKey, (status) => status && { ...status, ...change });
}

export function useEnableTwoStep() {
  const refetch = useRefetchAll();
  const setStatus = useSetStatus();
  return useMutation({
    mutationFn: (body: TotpEnableBody) => post<RecoveryCodeList>('/api/me/totp/enable', body, { newSession: true }),
    onSuccess: ({ recoveryCodes }) => {
      // The server ended her other sessions and gave this one a new id: the old token is no longer valid, and the
      // next request would first be refused. Forgetting it fetches a fresh one instead.
      setCsrfToken(null);
      setStatus({ enabled: true, recoveryCodesLeft: recoveryCodes.length });
      refetch();
    },
  });
}

export function useNewRecoveryCodes() {
  const setStatus = useSetStatus();
  return useMutation({
    mutationFn: (body: PasswordConfirmBody) => post<RecoveryCodeList>('/api/me/totp/recovery-codes', body),
    onSuccess: ({ recoveryCodes }) => setStatus({ recoveryCodesLeft: recoveryCodes.length }),
  });
}

export function useDisableTwoStep() {
  const refetch = useRefetchAll();
  const setStatus = useSetStatus();
  return useMutation({
    mutationFn: (body: PasswordConfirmBody) => post<void>('/api/me/totp/disable', body),
    onSuccess: () => {
      setStatus({ enabled: false, recoveryCodesLeft: 0 });
      refetch();
    },
  });
}
