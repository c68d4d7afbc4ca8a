import { useTranslation } from 'react-i18next';
import { ROLES } from './options';

/** One `<option>` per role, named in the reader's language. */
export function RoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {t(`roles.${role}`)}
    </option>
  ));
}

/** One `<option>` per site or team, by id, shown by name. */
export function NamedOptions({ items }: { items: readonly { readonly id: string; readonly name: string }[] }) {
  return items.map((item) => (
    <option key={item.id} value={item.id}>
      {item.name}
    </option>
  ));
}
