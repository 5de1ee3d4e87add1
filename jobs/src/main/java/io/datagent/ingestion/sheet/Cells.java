package io.datagent.ingestion.sheet;

import io.datagent.text.Folding;
import java.util.List;
import java.util.regex.Pattern;

/** Text tests on grid cells shared by the layout, trailer and dictionary logic. */
final class Cells {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  // Numbers as written in business files: 1234, -1.234,56, 12%, $ 10, (5) and dates like 2020-05-01 or 1/5/2020.
  private static final Pattern NUMERIC_LIKE = Pattern.compile("[-+(]?[$€\\s]*[\\d.,/:\\- ]*\\d[\\d.,/:\\- ]*%?\\)?");

  private Cells() {}

  /** Lower case, accents removed, trimmed, inner whitespace collapsed: {@code " Descripción "} → {@code "descripcion"}. */
  static String fold(String text) {
    return SPACES.matcher(Folding.fold(text).trim()).replaceAll(" ");
  }

  static boolean isBlank(String cell) {
    return cell == null || cell.isBlank();
  }

  static boolean isBlank(List<String> row) {
    return row.stream().allMatch(Cells::isBlank);
  }

  static boolean isNumericLike(String cell) {
    return cell != null && NUMERIC_LIKE.matcher(cell.trim()).matches();
  }

  static int nonEmptyCount(List<String> row) {
    return (int) row.stream().filter(c -> !isBlank(c)).count();
  }

  /** The non-blank cells of a row, trimmed and joined by one space. */
  static String joined(List<String> row) {
    StringBuilder text = new StringBuilder();
    for (String cell : row) {
      if (!isBlank(cell)) {
        text.append(text.length() == 0 ? "" : " ").append(cell.trim());
      }
    }
    return text.toString();
  }

  /** Whether the text has at least one letter or digit (a lone {@code <} or {@code -} is decoration). */
  static boolean hasWordCharacter(String text) {
    return text.codePoints().anyMatch(Character::isLetterOrDigit);
  }
}
