package io.datagent.ingestion.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EncodingDetectorTest {

  private static final Path SAMPLES = Path.of("/work/shared/samples/energia");

  @Test
  void should_detect_utf8_when_bytes_are_valid_utf8() {
    // given
    byte[] bytes = "Mes/Año;N° Día\nene-22;1\n".getBytes(StandardCharsets.UTF_8);

    // when / then
    assertThat(EncodingDetector.detect(bytes, bytes.length)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(EncodingDetector.bomLength(bytes, bytes.length)).isZero();
  }

  @Test
  void should_detect_windows_1252_when_bytes_are_latin1() {
    // given
    byte[] bytes = "Mes/Año;N° Día;Hábil\n".getBytes(StandardCharsets.ISO_8859_1);

    // when / then
    assertThat(EncodingDetector.detect(bytes, bytes.length)).isEqualTo(EncodingDetector.WINDOWS_1252);
  }

  @Test
  void should_detect_utf8_when_a_multibyte_sequence_is_cut_at_the_end_of_the_sample() {
    // given: "Año ñ" with the last ñ (C3 B1) cut after its first byte
    byte[] full = "Año ñ".getBytes(StandardCharsets.UTF_8);
    byte[] cut = Arrays.copyOf(full, full.length - 1);
    byte[] euro = "precio €".getBytes(StandardCharsets.UTF_8); // € is E2 82 AC
    byte[] euroCut = Arrays.copyOf(euro, euro.length - 1);

    // when / then
    assertThat(EncodingDetector.detect(cut, cut.length)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(EncodingDetector.detect(euroCut, euroCut.length)).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void should_only_look_at_length_bytes_when_buffer_is_larger() {
    // given: a latin1 byte after the valid length must be ignored
    byte[] buffer = new byte[16];
    byte[] text = "abc".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, buffer, 0, 3);
    buffer[3] = (byte) 0xF1; // ñ in latin1; followed by 'o' it is invalid UTF-8
    buffer[4] = 'o';

    // when / then
    assertThat(EncodingDetector.detect(buffer, 3)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(EncodingDetector.detect(buffer, 5)).isEqualTo(EncodingDetector.WINDOWS_1252);
  }

  @Test
  void should_use_bom_when_present() {
    // given
    byte[] utf8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ';', 'b'};
    byte[] le = {(byte) 0xFF, (byte) 0xFE, 'a', 0, ';', 0};
    byte[] be = {(byte) 0xFE, (byte) 0xFF, 0, 'a', 0, ';'};

    // when / then
    assertThat(EncodingDetector.detect(utf8, utf8.length)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(EncodingDetector.bomLength(utf8, utf8.length)).isEqualTo(3);
    assertThat(EncodingDetector.detect(le, le.length)).isEqualTo(StandardCharsets.UTF_16LE);
    assertThat(EncodingDetector.bomLength(le, le.length)).isEqualTo(2);
    assertThat(EncodingDetector.detect(be, be.length)).isEqualTo(StandardCharsets.UTF_16BE);
    assertThat(EncodingDetector.bomLength(be, be.length)).isEqualTo(2);
    assertThat(EncodingDetector.looksBinary(le, le.length)).isFalse();
  }

  @Test
  void should_detect_sample_files_encodings() throws IOException {
    // given
    byte[] cammesa = head(SAMPLES.resolve("Cammesa_res.csv"));
    byte[] potencia = head(SAMPLES.resolve("PotenciaInstalada.csv"));

    // when / then
    assertThat(EncodingDetector.detect(cammesa, cammesa.length)).isEqualTo(EncodingDetector.WINDOWS_1252);
    assertThat(EncodingDetector.detect(potencia, potencia.length)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(EncodingDetector.looksBinary(cammesa, cammesa.length)).isFalse();
    assertThat(EncodingDetector.looksBinary(potencia, potencia.length)).isFalse();
  }

  @Test
  void should_look_binary_when_sample_has_nul_bytes_or_many_control_characters() throws IOException {
    // given
    byte[] withNul = {'a', ',', 'b', 0, 'c'};
    byte[] controls = {1, 2, 3, 'a', 'b', 'c', 'd', 'e', 'f', 'g'};
    byte[] xlsx = head(SAMPLES.resolve("Todos_010601a-Cuadro_I_5_1a.xlsx"));
    byte[] text = "a\tb\r\nc\fd\n".getBytes(StandardCharsets.US_ASCII);

    // when / then
    assertThat(EncodingDetector.looksBinary(withNul, withNul.length)).isTrue();
    assertThat(EncodingDetector.looksBinary(controls, controls.length)).isTrue();
    assertThat(EncodingDetector.looksBinary(xlsx, xlsx.length)).isTrue();
    assertThat(EncodingDetector.looksBinary(text, text.length)).isFalse();
    assertThat(EncodingDetector.looksBinary(new byte[0], 0)).isFalse();
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(64 * 1024);
    }
  }
}
