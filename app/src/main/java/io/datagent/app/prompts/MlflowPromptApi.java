package io.datagent.app.prompts;

import com.databricks.sdk.core.ApiClient;
import com.databricks.sdk.core.DatabricksError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.databricks.sdk.core.http.Request;
import io.datagent.agent.prompt.registry.PromptRegistryException;
import java.io.IOException;
import java.util.Map;

/**
 * The HTTP calls of the MLflow Prompt Registry in Unity Catalog ({@code /api/2.0/mlflow/unity-catalog/prompts/...},
 * service {@code UnityCatalogPromptService} in mlflow's {@code unity_catalog_prompt_service.proto}), made with the
 * Databricks SDK's {@link ApiClient}: its unified auth, its retries of 429/503 with backoff, its error parsing
 * ({@code {"error_code", "message"}}). Failures become {@link PromptRegistryException} with a Spanish message naming the
 * status and the server's error code; a 404 is an empty answer for the caller to interpret.
 *
 * <p>Kept to raw JSON in one class so it can move to the shared platform module.
 */
public final class MlflowPromptApi {

  static final String BASE = "/api/2.0/mlflow/unity-catalog/prompts";

  private final ApiClient client;
  private final ObjectMapper mapper = new ObjectMapper();

  public MlflowPromptApi(ApiClient client) {
    this.client = client;
  }

  /** GET; null on 404. */
  JsonNode get(String path) {
    return call(new Request(Request.GET, path), true);
  }

  /** POST with a JSON body; null on 404 when {@code notFoundIsNull}. */
  JsonNode post(String path, Map<String, ?> body, boolean notFoundIsNull) {
    try {
      return call(new Request(Request.POST, path, mapper.writeValueAsString(body)), notFoundIsNull);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private JsonNode call(Request request, boolean notFoundIsNull) {
    request.withHeader("Accept", "application/json").withHeader("Content-Type", "application/json");
    try {
      // the SDK fills a fresh instance of the target type; a map takes any JSON object
      java.util.LinkedHashMap<?, ?> body = client.execute(request, java.util.LinkedHashMap.class);
      return body == null ? mapper.createObjectNode() : mapper.valueToTree(body);
    } catch (IOException e) {
      throw new PromptRegistryException("No se pudo hablar con el registro de prompts de MLflow: " + e.getMessage()
          + ". No se cambió nada.", 503, e);
    } catch (com.databricks.sdk.core.DatabricksException e) {
      DatabricksError error = rootError(e);
      if (error != null && error.getStatusCode() == 404 && notFoundIsNull) {
        return null;
      }
      throw translate(request, e, error);
    }
  }

  private static DatabricksError rootError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DatabricksError d && d.getStatusCode() > 0) {
        return d;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static PromptRegistryException translate(Request request, RuntimeException e, DatabricksError error) {
    String what = request.getMethod() + " " + request.getUrl().replaceFirst("^https?://[^/]+", "");
    if (error == null) {
      return new PromptRegistryException("El registro de prompts de MLflow no respondió (" + what + "): " + e.getMessage()
          + ". No se cambió nada.", 503, e);
    }
    int status = error.getStatusCode();
    String detail = " (" + status + " " + (error.getErrorCode() == null ? "" : error.getErrorCode()) + ", " + what + "): "
        + error.getMessage();
    if (status == 429) {
      return new PromptRegistryException("El registro de prompts de MLflow rechazó la petición por exceso de solicitudes"
          + detail + ". Prueba de nuevo en unos minutos; no se cambió nada.", 503, e);
    }
    if (status >= 500) {
      return new PromptRegistryException("El registro de prompts de MLflow falló" + detail + ". No se cambió nada.", 502, e);
    }
    if (status == 401 || status == 403) {
      return new PromptRegistryException("Sin permiso en el registro de prompts de MLflow" + detail
          + ". El principal de servicio de la App necesita permisos sobre el esquema del prompt.", 502, e);
    }
    if (status == 404) {
      return new PromptRegistryException("No existe en el registro de prompts de MLflow" + detail, 404, e);
    }
    return new PromptRegistryException("El registro de prompts de MLflow rechazó la petición" + detail, 400, e);
  }
}
