package io.datagent.ingestion.sheet;

import static io.datagent.ingestion.sheet.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.ingestion.SourceFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookReaderErrorsTest {

  @TempDir
  Path dir;

  @Test
  void should_report_a_damaged_file_when_an_xlsx_is_truncated() throws IOException {
    // given
    Path valid = validWorkbook("entero.xlsx");
    byte[] bytes = Files.readAllBytes(valid);
    Path truncated = Files.write(dir.resolve("cortado.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

    // when / then
    assertThatThrownBy(() -> WorkbookReader.read(truncated, "cortado.xlsx"))
        .isInstanceOf(SourceFormatException.class)
        .hasMessageStartingWith("cortado.xlsx: el archivo Excel está dañado o incompleto (no se pudo abrir como .xlsx)")
        .extracting(e -> ((SourceFormatException) e).row()).isEqualTo(0L);
  }

  @Test
  void should_report_an_empty_file_when_it_has_zero_bytes() throws IOException {
    // given
    Path empty = Files.createFile(dir.resolve("vacio.xlsx"));

    // when / then
    assertThatThrownBy(() -> WorkbookReader.read(empty, "vacio.xlsx"))
        .isInstanceOf(SourceFormatException.class)
        .hasMessageContaining("el archivo está vacío (0 bytes)");
  }

  @Test
  void should_report_not_excel_when_a_text_file_is_named_xlsx() throws IOException {
    // given
    Path text = Files.writeString(dir.resolve("datos.xlsx"), "fecha;importe\n2024-01-01;10\n");

    // when / then
    assertThatThrownBy(() -> WorkbookReader.read(text, "datos.xlsx"))
        .isInstanceOf(SourceFormatException.class)
        .hasMessageContaining("el archivo no es un libro Excel (.xlsx o .xls)")
        .hasMessageContaining("súbalo con extensión .csv");
  }

  @Test
  void should_report_no_data_when_the_workbook_has_no_sheets() {
    // given
    Path file = TestWorkbooks.xlsx(dir, "sin_hojas.xlsx", wb -> {});

    // when / then
    assertThatThrownBy(() -> WorkbookReader.read(file, "sin_hojas.xlsx"))
        .isInstanceOf(SourceFormatException.class)
        .hasMessageContaining("el libro no tiene ninguna hoja con datos")
        .hasMessageContaining("(el libro no tiene hojas)");
  }

  @Test
  void should_report_no_data_when_sheets_are_empty_or_header_only() {
    // given
    Path file = TestWorkbooks.xlsx(dir, "solo_cabecera.xlsx", wb -> {
      wb.createSheet("Hoja1");
      row(wb.createSheet("Hoja2"), 1, "fecha", "importe");
    });

    // when / then
    assertThatThrownBy(() -> WorkbookReader.read(file, "solo_cabecera.xlsx"))
        .isInstanceOf(SourceFormatException.class)
        .hasMessageContaining("el libro no tiene ninguna hoja con datos")
        .hasMessageContaining("(hojas: Hoja1, Hoja2)");
  }

  @Test
  void should_report_a_password_when_the_workbook_is_encrypted() throws Exception {
    // given
    Path plain = validWorkbook("claro.xlsx");
    Path encrypted = dir.resolve("clave.xlsx");
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("secreto");
      try (OPCPackage opc = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE);
          OutputStream os = encryptor.getDataStream(fs)) {
        opc.save(os);
      }
      try (OutputStream out = Files.newOutputStream(encrypted)) {
        fs.writeFilesystem(out);
      }
    }

    // when / then
    assertThatThrownBy(() -> WorkbookReader.read(encrypted, "clave.xlsx"))
        .isInstanceOf(SourceFormatException.class)
        .hasMessageContaining("protegido con contraseña");
  }

  private Path validWorkbook(String name) {
    return TestWorkbooks.xlsx(dir, name, wb -> {
      var sheet = wb.createSheet("Hoja1");
      row(sheet, 1, "fecha", "importe");
      for (int i = 2; i < 200; i++) {
        row(sheet, i, "2024-01-" + i, i * 1.5);
      }
    });
  }
}
