import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from '../../ui/use-translate';

/** A provider's published result over the years, as a line. */
export function TrendChart(props: {
  points: Array<{ year: number; percent: number; stars: number }>;
  providerName: string;
}) {
  const { t } = useTranslate();
  if (props.points.length === 0) return <p className="muted">{t('results.noTrend')}</p>;
  // recharts freezes the data it is given, which MobX's observable rows refuse.
  const data = props.points.map((point) => ({ ...point }));
  return (
    <figure className="trend-chart">
      <figcaption>{t('results.trendTitle', { name: props.providerName })}</figcaption>
      <LineChart
        width={560}
        height={240}
        data={data}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        accessibilityLayer
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="year" />
        <YAxis domain={[0, 100]} unit=" %" />
        <Tooltip formatter={(value) => `${Number(value).toFixed(2)} %`} />
        <Line
          type="monotone"
          dataKey="percent"
          name={t('results.percent')}
          stroke="#0b5cad"
          strokeWidth={2}
          isAnimationActive={false}
        />
      </LineChart>
      <table className="visually-hidden">
        <caption>{t('results.trendTitle', { name: props.providerName })}</caption>
        <tbody>
          {props.points.map((point) => (
            <tr key={point.year}>
              <th scope="row">{point.year}</th>
              <td>{point.percent.toFixed(2)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
