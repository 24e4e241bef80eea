// /sager: the case list with filters (in the URL), keyset pagination (cursors
// in history state, so back/forward work without putting them in the URL) and
// a CPR lookup whose number never reaches the URL.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useMe } from '@/features/auth/api/get-me';
import { useCases } from '@/features/cases/api/list-cases';
import { useCprLookup } from '@/features/cases/api/lookup-cpr';
import { useStaff } from '@/features/cases/api/list-staff';
import { CaseTable } from '@/features/cases/components/list/case-table';
import { CprLookupForm } from '@/features/cases/components/list/cpr-lookup-form';
import {
  currentCursor,
  FIRST_PAGE,
  hasPrevious,
  nextPage,
  pageNumber,
  previousPage,
  stackFromState,
  type CursorStack,
} from '@/features/cases/components/list/cursor-stack';
import { FilterForm } from '@/features/cases/components/list/filter-form';
import { filtersFromParams, filtersToParams, hasFilters, PAGE_SIZE, toListParams } from '@/features/cases/components/list/filters';
import { Pager } from '@/features/cases/components/list/pager';
import { AttentionPanel } from '@/features/feedback/components/attention-panel';
import { ApiError, type Schemas } from '@/lib/api/client';
import { useT } from '@/lib/i18n';

type CasePage = Schemas['CasePage'];
type Lookup = { cpr: string; pages: CursorStack; result: CasePage };

export default function CasesListPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(search)), [search]);
  const pages = stackFromState(location.state);

  const role = me.data?.role;
  const denied = role !== undefined && role !== 'caseworker' && role !== 'leader';

  // The CPR lookup: the number is kept in memory only, for paging its results.
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const cprLookup = useCprLookup();
  const list = useCases(toListParams(filters, currentCursor(pages)), { enabled: !denied && !lookup });
  const staff = useStaff(undefined, { enabled: !denied });

  useEffect(() => {
    document.title = `${t('cases.list.title')} – ${t('common.appName')}`;
  }, [t]);

  // Navigating (filters, pages, back/forward) leaves the CPR results.
  const resetLookup = cprLookup.reset;
  useEffect(() => {
    setLookup(null);
    resetLookup();
  }, [location.key, resetLookup]);

  // After a page change, move focus to the table once the new rows are there.
  const tableRef = useRef<HTMLDivElement>(null);
  const focusTable = useRef(false);
  // What is on screen (the previous page stays while the next loads), and
  // whether it is the page asked for.
  const showing: CasePage | undefined = lookup ? lookup.result : list.data;
  const fresh = lookup ? !cprLookup.isPending : !list.isPlaceholderData && !list.isLoading;
  useEffect(() => {
    if (focusTable.current && showing && fresh) {
      focusTable.current = false;
      tableRef.current?.focus();
    }
  }, [showing, fresh]);

  if (denied) {
    return (
      <>
        <PageHeading>{t('cases.list.title')}</PageHeading>
        <Alert variant="error">{t('common.errors.forbidden')}</Alert>
      </>
    );
  }

  function goToPage(stack: CursorStack) {
    focusTable.current = true;
    navigate({ search: location.search }, { state: { pages: stack } });
  }

  async function searchCpr(cpr: string, stack: CursorStack = FIRST_PAGE): Promise<boolean> {
    try {
      const cursor = currentCursor(stack);
      const result = await cprLookup.mutateAsync({ cpr, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      setLookup({ cpr, pages: stack, result });
      return true;
    } catch {
      return false;
    }
  }

  function goToLookupPage(stack: CursorStack) {
    if (!lookup) return;
    focusTable.current = true;
    void searchCpr(lookup.cpr, stack);
  }

  const lookupError = cprLookup.error;
  const cprFieldError =
    lookupError instanceof ApiError && (lookupError.status === 422 || lookupError.status === 400)
      ? t('cases.list.cpr.invalid')
      : undefined;

  const error = lookup ? undefined : list.error;
  const busy = lookup ? cprLookup.isPending : list.isFetching;
  const page = lookup ? pageNumber(lookup.pages) : pageNumber(pages);
  const count = showing && fresh ? showing.items.length : undefined;
  const status =
    count === undefined ? (showing && busy ? t('common.loading') : '') : count === 1 ? t('cases.list.count.one') : t('cases.list.count.other', { count });

  return (
    <>
      <div className="d-flex flex-wrap align-items-center">
        <div className="mr-4">
          <PageHeading>{t('cases.list.title')}</PageHeading>
        </div>
        <Link to="/sager/ny" className="button button-primary">
          {t('cases.list.createCase')}
        </Link>
      </div>

      <AttentionPanel enabled={role === 'caseworker' || role === 'leader'} />

      <FilterForm
        key={search}
        value={filters}
        staff={staff.data ?? []}
        onSubmit={(f) => setSearchParams(filtersToParams(f))}
        onReset={() => setSearchParams(new URLSearchParams())}
      />

      <CprLookupForm busy={cprLookup.isPending} serverError={cprFieldError} onSearch={(cpr) => searchCpr(cpr)} />
      {lookupError && !cprFieldError && <ProblemAlert error={lookupError} />}

      {lookup && (
        <Alert variant="info">
          <p className="mt-0">{t('cases.list.cpr.showing')}</p>
          <button
            type="button"
            className="button button-tertiary"
            onClick={() => {
              setLookup(null);
              cprLookup.reset();
            }}
          >
            {t('cases.list.cpr.clear')}
          </button>
        </Alert>
      )}

      <p role="status" aria-live="polite" aria-atomic="true" className="font-lead">
        {status}
        {status && page > 1 ? ` – ${t('cases.list.count.page', { page })}` : ''}
      </p>

      {error ? (
        <ProblemAlert error={error} />
      ) : !showing ? (
        busy ? <Spinner /> : null
      ) : showing.items.length === 0 ? (
        <>
          <p>{lookup ? t('cases.list.emptyLookup') : t('cases.list.empty')}</p>
          {!lookup && hasFilters(filters) && <p>{t('cases.list.emptyFiltered')}</p>}
        </>
      ) : (
        <CaseTable
          ref={tableRef}
          items={showing.items}
          caption={lookup ? t('cases.list.table.captionLookup') : t('cases.list.table.caption')}
        />
      )}

      {showing && (
        <Pager
          page={page}
          busy={busy}
          hasPrevious={lookup ? hasPrevious(lookup.pages) : hasPrevious(pages)}
          hasNext={Boolean(showing.next_cursor)}
          onFirst={() => (lookup ? goToLookupPage(FIRST_PAGE) : goToPage(FIRST_PAGE))}
          onPrevious={() => (lookup ? goToLookupPage(previousPage(lookup.pages)) : goToPage(previousPage(pages)))}
          onNext={() => {
            const next = showing.next_cursor;
            if (!next) return;
            if (lookup) goToLookupPage(nextPage(lookup.pages, next));
            else goToPage(nextPage(pages, next));
          }}
        />
      )}
    </>
  );
}
