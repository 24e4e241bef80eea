import { useEffect } from 'react';
import { useT } from '@/lib/i18n';

/** Sets document.title to "part – … – Borgeren i centrum". */
export function useDocumentTitle(...parts: string[]) {
  const t = useT();
  const title = [...parts, t('common.appName')].join(' – ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
