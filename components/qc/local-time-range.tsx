import { DateInput } from '@/components/ui/date-input';

/** The required from / to times of a QC form (Vietnam local time, typed dd/MM/yyyy HH:mm, sent as yyyy-MM-ddTHH:mm). */
export function LocalTimeRange({ fromLabel, toLabel }: { fromLabel: string; toLabel: string }) {
  return (
    <>
      <label>
        {fromLabel}
        <br />
        <DateInput name="from" withTime required />
      </label>
      <label>
        {toLabel}
        <br />
        <DateInput name="to" withTime required />
      </label>
    </>
  );
}
