package io.datagent.app.semantic;

import io.datagent.agent.semantic.SemanticModelSource;
import io.datagent.app.databricks.TokenSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The models the ingestion job keeps in the uploads Volume ({@code <volume>/_semantica/modelos/<table>.yaml}), read
 * on Databricks through the Files API ({@code GET /api/2.0/fs/files/Volumes/…}) with the App's own token.
 *
 * <p>NOTE: a missing file, a refusal or an unreachable workspace all read as "no file", so the model is derived
 * instead; the App never fails a question or the Datos page because of it.
 */
public final class VolumeSemanticModelSource implements SemanticModelSource {

  /** The folder of the models under the uploads Volume, as the ingestion job writes it. */
  public static final String MODELS = "_semantica/modelos";

  private final URI host;
  private final TokenSource tokens;
  private final String folder;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * @param volume the uploads Volume as a path, {@code /Volumes/<catalog>/<schema>/<volume>}
   */
  public VolumeSemanticModelSource(URI host, TokenSource tokens, String volume) {
    this.host = host;
    this.tokens = tokens;
    this.folder = volume.replaceAll("/+$", "") + "/" + MODELS;
  }

  @Override
  public Optional<String> yaml(String qualifiedTable) {
    String table = qualifiedTable.substring(qualifiedTable.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (!table.matches("[a-z0-9_]+")) {
      return Optional.empty(); // serving tables are lower snake case; anything else is not one of ours
    }
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(host.toString().replaceAll("/+$", "") + "/api/2.0/fs/files"
              + folder + "/" + table + ".yaml"))
          .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + tokens.token()).GET().build();
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return res.statusCode() == 200 ? Optional.of(res.body()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
