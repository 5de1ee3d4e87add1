package io.datagent.platform.serving;

import com.databricks.sdk.core.http.Request;
import io.datagent.platform.Operation;
import io.datagent.platform.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one extension of the SDK: a chat completion with {@code "stream": true} on
 * {@code /serving-endpoints/{name}/invocations}, whose server-sent events the SDK's typed {@code query} cannot
 * return. It goes through the SDK's own {@code ApiClient} (its HTTP client, auth headers from
 * {@code DatabricksConfig.authenticate()}, retries of 429/503 and its error mapping); asking for
 * {@code text/event-stream} makes the SDK hand back the body unread.
 *
 * <p>A server that ignores {@code stream} and answers one JSON completion is returned as that JSON body; the caller
 * tells them apart by the first byte.
 */
public final class ServingStream {

  private final Platform platform;

  ServingStream(Platform platform) {
    this.platform = platform;
  }

  /** The response body of {@code chatJson} sent to {@code endpoint}; the caller closes it. */
  public InputStream open(String endpoint, String chatJson) {
    return platform.call(Operation.of("stream a chat completion from serving endpoint " + endpoint,
        "consultar el modelo '" + endpoint + "'"), w -> {
          Request req = new Request(Request.POST, "/serving-endpoints/" + endpoint + "/invocations", chatJson)
              .withHeader("Content-Type", "application/json").withHeader("Accept", "text/event-stream");
          try {
            return w.apiClient().execute(req, InputStream.class);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
