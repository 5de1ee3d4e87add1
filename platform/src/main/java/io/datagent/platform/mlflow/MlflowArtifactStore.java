package io.datagent.platform.mlflow;

import com.databricks.sdk.core.ApiClient;
import com.databricks.sdk.core.CredentialsProvider;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.http.Request;
import io.datagent.platform.Operation;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes a file under an MLflow run's artifact root without Python, by the root's scheme:
 * <ul>
 *   <li>{@code mlflow-artifacts:/<experiment>/<run>/artifacts} (a tracking server that proxies artifacts, MLflow's
 *   default since 2.0): {@code PUT /api/2.0/mlflow-artifacts/artifacts/<experiment>/<run>/artifacts/<path>} on the
 *   tracking server, the route of mlflow's {@code MlflowArtifactsService} that its Python
 *   {@code HttpArtifactRepository.log_artifact} calls; through the SDK's {@link ApiClient} with no credentials (the
 *   HTTP client, the 429/503 back-off honouring {@code Retry-After}, the {@code {"error_code", "message"}} parsing);</li>
 *   <li>{@code dbfs:/Volumes/<catalog>/<schema>/<volume>/...} (a Databricks experiment whose artifact location is a
 *   Unity Catalog Volume): the Files API, as mlflow's {@code UCVolumesArtifactRepository} does, through
 *   {@link Platform#files()}.</li>
 * </ul>
 * Any other root (Databricks' default {@code dbfs:/databricks/mlflow-tracking/...}, S3…) is refused with the reason.
 *
 * <p>NOTE: the upload goes to the tracking server this store was built with; an {@code mlflow-artifacts://host/...}
 * root naming another host (a separate artifacts-only server) is not followed.
 */
public final class MlflowArtifactStore {

  static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts";

  private final ApiClient proxy;
  private final Platform platform;

  private MlflowArtifactStore(String trackingUri, Platform platform) {
    this.proxy = trackingUri == null ? null : noAuthClient(trackingUri.replaceAll("/+$", ""));
    this.platform = platform;
  }

  /** A tracking server at {@code trackingUri} ({@code http://host:port}), no credentials. */
  public static MlflowArtifactStore trackingServer(String trackingUri) {
    return new MlflowArtifactStore(trackingUri, null);
  }

  /** A Databricks workspace's MLflow: artifacts in Unity Catalog Volumes, through {@code platform}. */
  public static MlflowArtifactStore workspace(Platform platform) {
    return new MlflowArtifactStore(null, platform);
  }

  /**
   * Writes {@code content} as {@code path} under {@code artifactUri}.
   *
   * @throws PlatformException when the server refused it or did not answer (status and error code kept)
   * @throws IllegalArgumentException when the root's scheme is not one this class can write
   */
  public void put(String artifactUri, String path, byte[] content, String contentType) {
    String root = artifactUri == null ? "" : artifactUri.replaceAll("/+$", "");
    String relative = path.replaceAll("^/+", "");
    if (root.startsWith("mlflow-artifacts:") && proxy != null) {
      putProxied(root, relative, content, contentType);
    } else if (root.startsWith("dbfs:/Volumes/") && platform != null) {
      platform.files().upload(root.substring("dbfs:".length()) + "/" + relative, content);
    } else {
      throw new IllegalArgumentException("la raíz de artefactos " + (root.isEmpty() ? "(vacía)" : root) + " no se puede "
          + "escribir sin Python: hace falta un servidor de MLflow que sirva artefactos (mlflow-artifacts:/...) o, en "
          + "Databricks, un experimento con artifact_location en un Volume (dbfs:/Volumes/...)");
    }
  }

  private void putProxied(String root, String relative, byte[] content, String contentType) {
    // mlflow-artifacts:/1/abc/artifacts → /api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/<relative>
    String route = PROXY + encoded(URI.create(root).getPath()) + "/" + encoded(relative);
    Operation op = Operation.of("upload MLflow artifact " + relative, "subir el artefacto " + relative + " a MLflow");
    try {
      proxy.execute(new Request(Request.PUT, route, new ByteArrayInputStream(content))
          .withHeader("Content-Type", contentType), java.util.LinkedHashMap.class); // a fresh map takes the {}
    } catch (IOException | RuntimeException e) {
      throw PlatformException.of(op, e);
    }
  }

  /** Each segment percent-encoded, slashes kept. */
  static String encoded(String path) {
    String joined = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty())
        .map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20")).collect(Collectors.joining("/"));
    return joined.isEmpty() ? "" : (path.startsWith("/") ? "/" : "") + joined;
  }

  private static ApiClient noAuthClient(String host) {
    CredentialsProvider none = new CredentialsProvider() {
      @Override
      public String authType() {
        return "none";
      }

      @Override
      public com.databricks.sdk.core.HeaderFactory configure(DatabricksConfig config) {
        return java.util.HashMap::new;
      }
    };
    return new ApiClient(new DatabricksConfig().setHost(host).setCredentialsProvider(none).setHttpTimeoutSeconds(60));
  }
}
