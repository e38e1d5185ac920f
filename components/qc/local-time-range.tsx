/** The required from / to times of a QC form (Vietnam local time, as the browser's datetime-local input gives it). */
export function LocalTimeRange({ fromLabel, toLabel }: { fromLabel: string; toLabel: string }) {
  return (
    <>
      <label>
        {fromLabel}
        <br />
        <input className="input" type="datetime-local" name="from" required />
      </label>
      <label>
        {toLabel}
        <br />
        <input className="input" type="datetime-local" name="to" required />
      </label>
    </>
  );
}
