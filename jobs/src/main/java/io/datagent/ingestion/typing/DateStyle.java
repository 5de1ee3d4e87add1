package io.datagent.ingestion.typing;

import java.io.Serializable;
import java.util.List;

/**
 * The date forms a column uses, most frequent first.
 *
 * <p>Textual forms are unambiguous among themselves, so conversion accepts any of them whatever this list says;
 * the list gates only {@link DateForm#EXCEL_SERIAL} (a bare integer is a date only when the column was profiled as
 * serial dates) and names the expected form in conversion messages.
 */
public record DateStyle(List<DateForm> forms) implements Serializable {

  /** No evidence: textual forms only. */
  public static final DateStyle TEXTUAL = new DateStyle(List.of());

  public DateStyle {
    forms = List.copyOf(forms);
  }

  /** True when bare integers are Excel serial dates in this column. */
  public boolean allowsSerial() {
    return forms.contains(DateForm.EXCEL_SERIAL);
  }

  /** The most frequent form, {@link DateForm#DAY_MONTH_YEAR_SLASH} when there is none. */
  public DateForm primary() {
    return forms.isEmpty() ? DateForm.DAY_MONTH_YEAR_SLASH : forms.get(0);
  }
}
