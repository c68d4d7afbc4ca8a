import type { ReactNode } from 'react';
import { BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * Vertical bars over labelled groups (`label` of each datum), the frame every column chart of
 * the insights shares: every group labelled (recharts skips labels that would touch), slanted
 * to fit a phone, and the drawing kept out of the accessibility tree (the table says it).
 */
export function ColumnChart({
  data,
  yAxis = <YAxis allowDecimals={false} />,
  legend = false,
  children,
}: {
  data: readonly { label: string }[];
  /** The value axis, when it needs a unit or decimals. */
  yAxis?: ReactNode;
  legend?: boolean;
  /** The `<Bar>` series. */
  children: ReactNode;
}) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={[...data]} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval={0} angle={-30} textAnchor="end" height={64} tick={{ fontSize: 12 }} />
        {yAxis}
        <Tooltip />
        {legend && <Legend itemSorter={null} />}
        {children}
      </BarChart>
    </ResponsiveContainer>
  );
}
