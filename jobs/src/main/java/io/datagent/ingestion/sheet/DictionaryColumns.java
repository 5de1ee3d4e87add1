package io.datagent.ingestion.sheet;

import java.util.List;
import java.util.Optional;

/**
 * Finds the column-name and description columns of a data dictionary's header (sheet or companion CSV).
 *
 * <p>Headers are compared accent- and case-insensitively. The description column is looked up first (header
 * containing descripcion, description, definicion, definition or significado) so that {@code "Descripción del campo"}
 * is not taken for the name column; the name column is then an exact {@code columna}, {@code campo},
 * {@code variable}, {@code column}, {@code nombre}, {@code field}... or else the first header containing one of them.
 *
 * @param name        0-based index of the column-name column
 * @param description 0-based index of the description column
 */
record DictionaryColumns(int name, int description) {

  private static final List<String> NAME_WORDS =
      List.of("columna", "columnas", "campo", "campos", "variable", "variables", "column", "nombre", "field", "atributo");
  private static final List<String> DESCRIPTION_WORDS =
      List.of("descripcion", "descripciones", "description", "definicion", "definition", "significado");

  static Optional<DictionaryColumns> find(List<String> header) {
    int description = firstContaining(header, DESCRIPTION_WORDS, -1);
    if (description < 0) {
      return Optional.empty();
    }
    int name = firstExact(header, description);
    name = name >= 0 ? name : firstContaining(header, NAME_WORDS, description);
    return name < 0 ? Optional.empty() : Optional.of(new DictionaryColumns(name, description));
  }

  /** Whether a sheet name says it is a data dictionary ({@code Diccionario de datos}, {@code Metadatos}...). */
  static boolean isDictionarySheetName(String sheetName) {
    String folded = Cells.fold(sheetName);
    return List.of("diccionario", "descripciones", "descripcion", "metadatos", "metadata", "dictionary").stream()
        .anyMatch(folded::contains);
  }

  private static int firstExact(List<String> header, int skip) {
    for (int i = 0; i < header.size(); i++) {
      if (i != skip && NAME_WORDS.contains(Cells.fold(header.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  private static int firstContaining(List<String> header, List<String> words, int skip) {
    for (int i = 0; i < header.size(); i++) {
      String folded = Cells.fold(header.get(i));
      if (i != skip && words.stream().anyMatch(folded::contains)) {
        return i;
      }
    }
    return -1;
  }
}
