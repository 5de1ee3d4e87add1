package io.datagent.ingestion.sheet;

import io.datagent.ingestion.SourceFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an Excel workbook (.xlsx or .xls, recognised by content, not by extension) into its data tables and its
 * dictionary.
 *
 * <p>Each sheet is, in tab order: a dictionary sheet ({@link DictionarySheet}), a data sheet giving one
 * {@link SheetTable} ({@link SheetTableReader}), or skipped when it has no header or no data row. Formulas are read by
 * their cached values (nothing is recalculated).
 *
 * <p>Every problem with the file itself is a {@link SourceFormatException} (row 0) with a Spanish message: empty,
 * not an Excel file, password-protected, corrupt or truncated, or no sheet with data.
 */
public final class WorkbookReader {

  private WorkbookReader() {}

  /**
   * Reads the workbook at {@code file}.
   *
   * @param displayName the name shown to users in messages (usually the uploaded file name)
   * @throws SourceFormatException when the file is not a readable workbook with at least one data sheet
   */
  public static Workbook read(Path file, String displayName) {
    String kind = kindOf(file, displayName);
    List<SheetTable> tables = new ArrayList<>();
    Map<String, String> dictionary = new LinkedHashMap<>();
    List<String> sheetNames = new ArrayList<>();
    try (org.apache.poi.ss.usermodel.Workbook workbook = open(file, displayName, kind)) {
      for (Sheet sheet : workbook) {
        sheetNames.add(sheet.getSheetName());
        DictionarySheet.read(sheet).ifPresentOrElse(
            entries -> entries.forEach(dictionary::putIfAbsent),
            () -> SheetTableReader.read(sheet).ifPresent(tables::add));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("closing " + file, e);
    }
    if (tables.isEmpty()) {
      throw new SourceFormatException(displayName, 0, "el libro no tiene ninguna hoja con datos: se esperaba al menos"
          + " una hoja con una fila de cabecera y una fila de datos debajo"
          + (sheetNames.isEmpty() ? " (el libro no tiene hojas)" : " (hojas: " + String.join(", ", sheetNames) + ")"));
    }
    return new Workbook(tables, dictionary);
  }

  private static org.apache.poi.ss.usermodel.Workbook open(Path file, String displayName, String kind) {
    try {
      return WorkbookFactory.create(file.toFile(), null, true);
    } catch (EncryptedDocumentException e) {
      throw new SourceFormatException(displayName, 0,
          "el archivo Excel está protegido con contraseña: guárdelo sin contraseña y vuelva a subirlo", e);
    } catch (IOException | RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
        throw new SourceFormatException(displayName, 0, "el archivo Excel se descomprime a un tamaño desproporcionado"
            + " respecto del archivo (posible «bomba ZIP»), así que no se abre; expórtelo de nuevo desde Excel", e);
      }
      // POI reports corruption with many exception types (zip, XML, record format); all mean the same to the user.
      throw new SourceFormatException(displayName, 0, "el archivo Excel está dañado o incompleto (no se pudo abrir"
          + " como " + kind + "): " + e.getMessage() + "; ábralo en Excel, guárdelo de nuevo y vuelva a subirlo", e);
    }
  }

  /** ".xlsx" or ".xls" by the file's first bytes; anything else is rejected with what it looks like instead. */
  private static String kindOf(Path file, String displayName) {
    FileMagic magic;
    try {
      if (Files.size(file) == 0) {
        throw new SourceFormatException(displayName, 0,
            "el archivo está vacío (0 bytes): se esperaba un libro Excel (.xlsx o .xls)");
      }
      try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
        magic = FileMagic.valueOf(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
    switch (magic) {
      case OOXML:
        return ".xlsx";
      case OLE2:
        return ".xls";
      default:
        throw new SourceFormatException(displayName, 0,
            "el archivo no es un libro Excel (.xlsx o .xls): su contenido " + lookalike(magic));
    }
  }

  private static String lookalike(FileMagic magic) {
    switch (magic) {
      case HTML:
        return "es una página HTML (algunos sistemas la exportan como .xls); ábrala en Excel y guárdela como .xlsx";
      case XML:
        return "es XML (¿Hoja de cálculo XML 2003?); ábralo en Excel y guárdelo como .xlsx";
      case PDF:
        return "es un PDF; suba el archivo Excel o CSV original";
      default:
        return "no es de Excel (¿un CSV o texto con la extensión cambiada?); si es un CSV, súbalo con extensión .csv";
    }
  }
}
