package io.datagent.agent.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;

/** A Spanish notice for a model call that failed, naming the cause a user or operator can act on. */
final class LlmFailure {

  private LlmFailure() {}

  static String notice(Throwable e) {
    String why;
    if (e instanceof RateLimitException || status(e) == 429) {
      why = "el servicio del modelo rechazó la solicitud por exceso de uso (HTTP 429)";
    } else if (e instanceof TimeoutException || causedBy(e, java.net.http.HttpTimeoutException.class)) {
      why = "el modelo tardó demasiado en responder";
    } else if (e instanceof AuthenticationException || status(e) == 401 || status(e) == 403) {
      why = "el servicio del modelo rechazó las credenciales";
    } else if (causedBy(e, java.net.ConnectException.class)) {
      why = "no se pudo conectar con el servicio del modelo";
    } else if (status(e) >= 500) {
      why = "el servicio del modelo devolvió un error (HTTP " + status(e) + ")";
    } else if (causedBy(e, com.fasterxml.jackson.core.JsonProcessingException.class)) {
      why = "el modelo devolvió una respuesta mal formada";
    } else if (causedBy(e, ChatStreamHttpClient.IncompleteStreamException.class) || causedBy(e, java.io.IOException.class)) {
      why = "la respuesta del modelo se cortó antes de terminar";
    } else {
      why = "el modelo falló (" + e.getClass().getSimpleName() + ")";
    }
    return "El modelo de lenguaje no está disponible: " + why + ". Se muestra una respuesta extractiva, sin modelo.";
  }

  private static int status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException h) {
        return h.statusCode();
      }
    }
    return 0;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
