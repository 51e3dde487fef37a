// A date field that speaks ISO (YYYY-MM-DD) to forms and dd/mm/yyyy to people (design §4).
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

export const DATE_FORMAT = 'DD/MM/YYYY';
// Typing "5/12/2017" works as well as "05/12/2017".
const INPUT_FORMATS = [DATE_FORMAT, 'D/M/YYYY', 'DD/M/YYYY', 'D/MM/YYYY'];

export interface DateInputProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  /** Dates after this one (ISO) cannot be picked, e.g. a birth date after today. */
  maxDate?: string;
}

export function DateInput({ value, onChange, placeholder = 'dd/mm/yyyy', disabled, id, maxDate }: DateInputProps) {
  const parsed: Dayjs | null = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      format={INPUT_FORMATS}
      placeholder={placeholder}
      disabled={disabled}
      value={parsed && parsed.isValid() ? parsed : null}
      maxDate={maxDate ? dayjs(maxDate, 'YYYY-MM-DD') : undefined}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
    />
  );
}
