import { observer } from 'mobx-react-lite';
import { useRef, type ReactNode } from 'react';
import { useStores } from '../../app/stores-context';
import type { AnalyticsView } from '../../stores/analytics-store';
import { useTranslate } from '../../ui/use-translate';
import { chartPng } from './chart-image';

/** One chart with its title, its table for export and a button to save it as an image. */
export const ChartCard = observer(function ChartCard(props: {
  id: string;
  title: string;
  view: AnalyticsView;
  children: ReactNode;
}) {
  const { analytics } = useStores();
  const { t } = useTranslate();
  const chartRef = useRef<HTMLDivElement>(null);

  const handleSavePng = async () => {
    if (!chartRef.current) return;
    await analytics.saveChart(props.id, await chartPng(chartRef.current));
  };

  return (
    <section className="card chart-card" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <div ref={chartRef}>{props.children}</div>
      <div
        className="export-bar"
        role="group"
        aria-label={t('analytics.saveLabel', { title: props.title })}
      >
        <button
          type="button"
          onClick={() => void analytics.exportView(props.view, 'xlsx')}
        >
          XLSX
        </button>
        <button
          type="button"
          onClick={() => void analytics.exportView(props.view, 'csv')}
        >
          CSV
        </button>
        <button type="button" onClick={() => void handleSavePng()}>
          PNG
        </button>
      </div>
    </section>
  );
});
