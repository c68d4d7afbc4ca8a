// Placeholder: replaced by the notifications feature (unread count, live).
export function NotificationBell() {
  return null;
}
