package io.datagent.embedding;

import io.datagent.retrieval.EmbeddingException;
import io.datagent.retrieval.EmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Spark task body that embeds documents ({@link DocumentSchema#DOCUMENT} in, {@link DocumentSchema#EMBEDDED} out) in
 * batches of {@code batchSize}, with the executor's shared model ({@link Embedders}). The partition is read
 * {@link #WINDOW_BATCHES} batches at a time and each window sorted by text length, as sentence-transformers does:
 * a batch is padded to its longest text, so a table card among short rows would make a whole batch slow. Checks every vector's length
 * against the expected dimension: a wrong answer fails the task (and the run) before anything is written.
 */
final class EmbedPartition implements MapPartitionsFunction<Row, Row> {

  /** Batches read ahead and sorted by text length before embedding (bounds the memory a task holds). */
  static final int WINDOW_BATCHES = 16;

  private final EmbedderSpec spec;

  EmbedPartition(EmbedderSpec spec) {
    this.spec = spec;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    EmbeddingModel model = Embedders.get(spec);
    int window = spec.batchSize() * WINDOW_BATCHES;
    return new Iterator<>() {
      private final List<Row> out = new ArrayList<>(window);
      private int next;

      @Override
      public boolean hasNext() {
        if (next < out.size()) {
          return true;
        }
        if (!input.hasNext()) {
          return false;
        }
        List<Row> pending = new ArrayList<>(window);
        while (input.hasNext() && pending.size() < window) {
          pending.add(input.next());
        }
        // texts of similar length share a batch, so a batch pads its texts to a length close to their own
        pending.sort(Comparator.comparingInt(r -> r.getString(5).length()));
        out.clear();
        next = 0;
        for (int i = 0; i < pending.size(); i += spec.batchSize()) {
          out.addAll(embed(model, pending.subList(i, Math.min(pending.size(), i + spec.batchSize()))));
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return out.get(next++);
      }
    };
  }

  private List<Row> embed(EmbeddingModel model, List<Row> batch) {
    List<String> texts = new ArrayList<>(batch.size());
    for (Row r : batch) {
      texts.add(r.getString(5));
    }
    List<float[]> vectors = model.embedAll(texts);
    if (vectors.size() != batch.size()) {
      throw new EmbeddingException(spec.modelId() + " devolvió " + vectors.size() + " vectores para " + batch.size() + " textos");
    }
    List<Row> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      float[] v = vectors.get(i);
      if (v.length != spec.dimension()) {
        throw new EmbeddingException(spec.modelId() + " devolvió un vector de " + v.length + " dimensiones; se esperaban "
            + spec.dimension() + ". No se escribió nada. Si el modelo cambió, ejecute EmbedJob con --rebuild.");
      }
      Row d = batch.get(i);
      out.add(RowFactory.create(d.getString(0), spec.modelId(), spec.dimension(), v, d.getString(6), d.getString(1),
          d.getString(2), d.getString(3), d.isNullAt(4) ? null : d.getLong(4), d.getString(5)));
    }
    return out;
  }
}
