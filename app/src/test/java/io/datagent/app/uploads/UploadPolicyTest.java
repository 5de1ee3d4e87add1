package io.datagent.app.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.app.Refusal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadPolicyTest {

  final UploadPolicy policy = new UploadPolicy(1000);

  @Test
  void should_keep_only_a_safe_base_name_when_the_name_has_folders_or_odd_characters() {
    assertThat(policy.safeName("C:\\Users\\ana\\Energía 2024.xlsx")).isEqualTo("Energía 2024.xlsx");
    assertThat(policy.safeName("../../etc/passwd.csv")).isEqualTo("passwd.csv");
    assertThat(policy.safeName("..datos;rm -rf.csv")).isEqualTo("datos_rm -rf.csv");
    assertThat(policy.safeName("a".repeat(300) + ".CSV")).hasSize(UploadPolicy.MAX_NAME).endsWith(".CSV");
  }

  @Test
  void should_refuse_as_an_invalid_name_a_csv_name_made_only_of_dots() {
    for (String name : new String[] {".....csv", "..csv", ".csv", "../.csv"}) {
      assertThatThrownBy(() -> policy.safeName(name)).as(name).isInstanceOfSatisfying(Refusal.class, r -> {
        assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(r.getMessage()).contains("no es válido");
      });
    }
    assertThat(policy.safeName(".oculto.csv")).isEqualTo("oculto.csv");
  }

  @Test
  void should_refuse_as_unsupported_when_the_extension_or_content_does_not_fit() {
    assertThatThrownBy(() -> policy.safeName("informe.pdf")).isInstanceOfSatisfying(Refusal.class,
        r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.UNSUPPORTED_TYPE));
    assertThatThrownBy(() -> policy.safeName("x.diccionario.csv")).isInstanceOf(Refusal.class);
    byte[] zip = {0x50, 0x4B, 0x03, 0x04, 1, 2};
    policy.checkContent("libro.xlsx", zip, zip.length);
    assertThatThrownBy(() -> policy.checkContent("datos.csv", zip, zip.length)).isInstanceOf(Refusal.class);
    byte[] text = "Región;MW\n".getBytes(StandardCharsets.UTF_8);
    policy.checkContent("datos.csv", text, text.length);
    byte[] utf16 = {(byte) 0xFF, (byte) 0xFE, 'R', 0, 'e', 0};
    policy.checkContent("datos.txt", utf16, utf16.length);
  }

  @Test
  void should_refuse_as_too_large_or_empty_when_the_size_is_out_of_bounds() {
    assertThatThrownBy(() -> policy.checkSize(1001)).isInstanceOfSatisfying(Refusal.class,
        r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.TOO_LARGE));
    assertThatThrownBy(() -> policy.checkSize(0)).isInstanceOfSatisfying(Refusal.class,
        r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID));
  }
}
