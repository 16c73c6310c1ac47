import { useVirtualizer } from '@tanstack/react-virtual';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import type { ServiceRow } from '../../../shared/contract/views';
import { useStores } from '../../app/stores-context';
import { formatDateTime } from '../../i18n/format';
import { useTranslate } from '../../ui/use-translate';

const ROW_HEIGHT = 44;

/**
 * A table of every matching service, of which only the rows on screen exist
 * in the DOM; aria-rowcount and aria-rowindex tell screen readers the whole
 * (aria-rowcount -1, "unknown", until the exact total arrives).
 */
export const ServiceTable = observer(function ServiceTable() {
  const { serviceList, navigation } = useStores();
  const { t } = useTranslate();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: serviceList.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= 0) serviceList.ensureRange(first, last);
  }, [first, last, serviceList]);

  const handleOpen = (row: ServiceRow) => navigation.openService(row.id);

  return (
    <div
      className="service-table"
      role="table"
      aria-label={t('services.tableLabel')}
      aria-rowcount={serviceList.isTotalExact ? serviceList.total + 1 : -1}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="service-row service-row-head">
          <span role="columnheader">{t('services.name')}</span>
          <span role="columnheader">{t('services.agency')}</span>
          <span role="columnheader">{t('services.type')}</span>
          <span role="columnheader">{t('common.status')}</span>
          <span role="columnheader">{t('common.syncState')}</span>
        </div>
      </div>
      <div ref={scrollRef} className="service-table-scroll" role="rowgroup">
        <div
          className="service-table-inner"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              className="service-row"
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              <ServiceRowCells row={serviceList.rowAt(item.index)} onOpen={handleOpen} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
});

const ServiceRowCells = observer(function ServiceRowCells({
  row,
  onOpen,
}: {
  row: ServiceRow | undefined;
  onOpen: (row: ServiceRow) => void;
}) {
  const { reference } = useStores();
  const { t, language } = useTranslate();
  if (!row) {
    return (
      <span role="cell" className="muted">
        {t('common.loading')}
      </span>
    );
  }
  // The row carries the Azerbaijani name; the reference data knows the others.
  const agencyName =
    language === 'az'
      ? row.agencyName
      : reference.agencyName(row.agencyId, language, row.agencyName);
  return (
    <>
      <span role="cell" className="cell-name">
        <button type="button" className="link" onClick={() => onOpen(row)}>
          {row.name}
        </button>
        <span className="muted"> {row.registryCode}</span>
      </span>
      <span role="cell" className="cell-agency" title={agencyName}>
        {agencyName}
      </span>
      <span role="cell">{t(`enums.serviceType.${row.type}`)}</span>
      <span role="cell">
        <span className={`status status-${row.status}`}>
          {t(`enums.status.${row.status}`)}
        </span>
      </span>
      <span role="cell" title={formatDateTime(row.updatedAt, language)}>
        {t(`enums.syncState.${row.syncState}`)}
      </span>
    </>
  );
});
