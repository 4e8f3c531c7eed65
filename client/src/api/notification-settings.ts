import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationSettings, NotificationSettingsPatch } from '../../../shared/api/notifications';
import { get, put } from './http';

const settingsKey = ['notification-settings'] as const;

/** Her own choices: following what she writes, and how often each kind of mail comes. Only on the profile page. */
export function useNotificationSettings(enabled: boolean) {
  return useQuery({ queryKey: settingsKey, queryFn: () => get<NotificationSettings>('/api/me/notification-settings'), enabled });
}

export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: NotificationSettingsPatch) => put<NotificationSettings>('/api/me/notification-settings', patch),
    onSuccess: (saved) => client.setQueryData(settingsKey, saved),
  });
}
