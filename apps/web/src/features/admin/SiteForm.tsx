import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/format';
import { FormActions } from './FormActions';
import { AdminCreateSiteDocument, AdminSitesDocument, AdminUpdateSiteDocument, type AdminSite } from './queries';
import { SLA_MAX_HOURS, SLA_MIN_HOURS, slaDays } from './sla';
import { TimeZoneField } from './TimeZoneField';

/** Creates a site (no `site`) or edits one: name, time zone, acknowledgement deadline. */
export function SiteForm({ site, onDone, onCancel }: { site?: AdminSite; onDone(name: string): void; onCancel(): void }) {
  const { t } = useTranslation('admin');
  const idPrefix = site ? `admin-site-${site.id}` : 'admin-new-site';
  const [name, setName] = useState(site?.name ?? '');
  const [timeZone, setTimeZone] = useState(site?.timeZone ?? 'Europe/Paris');
  const [hours, setHours] = useState(String(site?.ackSlaHours ?? 72));
  const [error, setError] = useState<unknown>(null);
  const [createSite, creation] = useMutation(AdminCreateSiteDocument, { refetchQueries: [AdminSitesDocument], awaitRefetchQueries: true });
  const [updateSite, update] = useMutation(AdminUpdateSiteDocument);
  const loading = creation.loading || update.loading;
  const parsedHours = Number.parseInt(hours, 10);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (loading) return;
    setError(null);
    const input = { name: name.trim(), timeZone: timeZone.trim(), ackSlaHours: parsedHours };
    try {
      if (site) {
        const result = await updateSite({ variables: { id: site.id, input } });
        if (result.data) onDone(result.data.updateSite.name);
      } else {
        const result = await createSite({ variables: { input } });
        if (result.data) onDone(result.data.createSite.name);
      }
    } catch (caught) {
      setError(caught);
    }
  }

  const Heading = site ? 'h3' : 'h2';
  return (
    <form className={site ? 'stack' : 'card stack'} onSubmit={submit} aria-labelledby={`${idPrefix}-title`}>
      <Heading id={`${idPrefix}-title`}>{site ? t('siteForm.editTitle', { name: site.name }) : t('siteForm.createTitle')}</Heading>
      <label>
        {t('siteForm.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
      </label>
      <TimeZoneField value={timeZone} onChange={setTimeZone} idPrefix={idPrefix} />
      <label>
        {t('siteForm.sla')}
        <input
          type="number"
          inputMode="numeric"
          min={SLA_MIN_HOURS}
          max={SLA_MAX_HOURS}
          step={1}
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          required
          aria-describedby={`${idPrefix}-sla-days ${idPrefix}-sla-hint`}
        />
        <span id={`${idPrefix}-sla-days`} className="hint">
          {Number.isInteger(parsedHours) && parsedHours > 0 ? t('sites.days', { count: slaDays(parsedHours), formatted: formatNumber(slaDays(parsedHours)) }) : ''}
        </span>
        <span id={`${idPrefix}-sla-hint`} className="hint">
          {t('siteForm.slaHint')}
        </span>
      </label>
      <FormActions
        error={error}
        busy={loading}
        submitLabel={site ? t('siteForm.submitEdit') : t('siteForm.submitCreate')}
        busyLabel={t('siteForm.saving')}
        cancelLabel={t('siteForm.cancel')}
        onCancel={onCancel}
      />
    </form>
  );
}
