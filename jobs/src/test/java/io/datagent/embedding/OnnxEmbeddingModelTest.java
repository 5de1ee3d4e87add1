package io.datagent.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.retrieval.EmbeddingException;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real bundled model (all-MiniLM-L6-v2, int8), run by ONNX Runtime. */
class OnnxEmbeddingModelTest {

  static OnnxEmbeddingModel model;

  @BeforeAll
  static void load() {
    model = OnnxEmbeddingModel.load(2);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  static double cos(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void should_return_one_unit_vector_of_384_values_per_text_in_order() {
    // when
    List<float[]> v = model.embedAll(List.of("central térmica", "", "😀 電力 " + "muy largo ".repeat(500)));

    // then
    assertThat(v).hasSize(3);
    for (float[] x : v) {
      assertThat(x).hasSize(OnnxEmbeddingModel.DIMENSION);
      assertThat(cos(x, x)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
    assertThat(model.id()).isEqualTo("onnx/all-minilm-l6-v2-q");
  }

  /**
   * NOTE: not bit-identical: the int8 model quantizes activations dynamically per tensor, so the batch a text is in
   * shifts its vector slightly (cosine about 0.99). Padding itself is masked out.
   */
  @Test
  void should_embed_a_text_nearly_the_same_alone_or_in_a_padded_batch() {
    float[] alone = model.embed("potencia instalada de la central");
    float[] batched = model.embedAll(List.of("x", "potencia instalada de la central", "un texto bastante más largo que los otros dos"))
        .get(1);
    assertThat(cos(alone, batched)).isGreaterThan(0.98);
  }

  @Test
  void should_place_related_texts_closer_than_unrelated_ones() {
    float[] q = model.embed("wind farm installed power");
    float[] near = model.embed("wind power plant capacity in MW");
    float[] far = model.embed("daily temperature in Buenos Aires");
    assertThat(cos(q, near)).isGreaterThan(cos(q, far));
  }

  @Test
  void should_fail_with_a_clear_message_when_the_model_file_is_broken() {
    assertThatThrownBy(() -> OnnxEmbeddingModel.load(new byte[] {1, 2, 3, 4}, new ByteArrayInputStream("{}".getBytes()), 1))
        .isInstanceOf(EmbeddingException.class).hasMessageContaining("No se pudo cargar el modelo local de embeddings");
  }
}
