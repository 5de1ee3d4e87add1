package io.datagent.ingestion.api;

/**
 * A page that could not be fetched after the retries the source allows. The message (Spanish) names the source, the
 * page number and the URL (without secrets: API keys sent as query parameters are masked).
 */
public final class ApiFetchException extends RuntimeException {

  public ApiFetchException(String source, int page, String url, String what) {
    super("Fuente " + source + ", " + (page > 0 ? "página " + page : "descripción de los campos") + " (" + url + "): " + what);
  }
}
