import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { Page } from '../../ui/page';
import { FiledConfirmation, type FiledPepin } from './FiledConfirmation';
import { FilePepinForm, type RulePrefill } from './FilePepinForm';

/** `?rule=KEY&version=N`: the agent desktop links here from the rule on screen. */
function prefillFrom(params: URLSearchParams): RulePrefill | null {
  const key = params.get('rule')?.trim();
  if (!key) return null;
  const version = Number.parseInt(params.get('version') ?? '', 10);
  return { key, version: Number.isInteger(version) && version > 0 ? version : null };
}

/** /pepins/new: the form, then the confirmation; every visit starts a fresh form (and key). */
export function FilePepinPage() {
  const { t } = useTranslation('operator');
  const location = useLocation();
  return (
    <Page title={t('file.title')}>
      {/* A new navigation (e.g. "report another") remounts the flow: empty form, new idempotency key. */}
      <FileFlow key={location.key} />
    </Page>
  );
}

function FileFlow() {
  const [params] = useSearchParams();
  const [prefill] = useState(() => prefillFrom(params));
  const [filed, setFiled] = useState<FiledPepin | null>(null);
  if (filed) return <FiledConfirmation pepin={filed} />;
  return <FilePepinForm prefill={prefill} onFiled={setFiled} />;
}
