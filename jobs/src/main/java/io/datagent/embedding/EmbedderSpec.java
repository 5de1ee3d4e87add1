package io.datagent.embedding;

import io.datagent.retrieval.EmbeddingModel;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.retrieval.databricks.DatabricksEmbeddingModel;
import java.io.Serializable;
import java.time.Duration;

/**
 * How to build the embedding model on an executor: shipped to the Spark tasks (hence serializable and small), turned
 * into a model once per executor JVM by {@link Embedders}.
 *
 * @param provider     {@code local} (ONNX in process) or {@code databricks} (Model Serving endpoint)
 * @param threads      ONNX Runtime threads per call (local)
 * @param host         workspace URL (databricks)
 * @param token        bearer token (a personal access token locally, the job identity's on a cluster), or null
 * @param clientId     service principal for OAuth M2M when no token (databricks)
 * @param clientSecret its secret
 * @param endpoint     serving endpoint name (databricks)
 * @param batchSize    texts per call
 * @param dimension    expected vector length (0: learn it)
 * @param timeout      time limit of one endpoint call
 */
public record EmbedderSpec(String provider, int threads, String host, String token, String clientId, String clientSecret,
    String endpoint, int batchSize, int dimension, Duration timeout) implements Serializable {

  public static final String LOCAL = "local";
  public static final String DATABRICKS = "databricks";

  public static EmbedderSpec local(int threads, int batchSize) {
    return new EmbedderSpec(LOCAL, threads, null, null, null, null, null, batchSize, OnnxEmbeddingModel.DIMENSION, null);
  }

  /** The model id recorded with every vector (known without loading the model). */
  public String modelId() {
    return LOCAL.equals(provider) ? OnnxEmbeddingModel.MODEL_ID : "databricks/" + endpoint;
  }

  public EmbedderSpec withDimension(int d) {
    return new EmbedderSpec(provider, threads, host, token, clientId, clientSecret, endpoint, batchSize, d, timeout);
  }

  /** The same spec authenticating with {@code bearer} (the job identity's token, JobWorkspace). */
  public EmbedderSpec withToken(String bearer) {
    return new EmbedderSpec(provider, threads, host, bearer, clientId, clientSecret, endpoint, batchSize, dimension, timeout);
  }

  EmbeddingModel create() {
    if (LOCAL.equals(provider)) {
      return OnnxEmbeddingModel.load(threads);
    }
    PlatformConfig cfg = token != null && !token.isBlank() ? PlatformConfig.pat(host, token)
        : PlatformConfig.oauth(host, clientId, clientSecret);
    Platform platform = new Platform(cfg.withHttpTimeout(timeout == null ? Duration.ofSeconds(60) : timeout));
    return new DatabricksEmbeddingModel(platform.serving(), endpoint, batchSize, dimension);
  }

  @Override
  public String toString() {
    // never print secrets (Spark logs task closures on failure)
    return "EmbedderSpec[" + provider + ", " + modelId() + ", batch " + batchSize + "]";
  }
}
