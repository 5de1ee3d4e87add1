package io.datagent.app.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answer to a request its HTTP parser refuses before any route sees it (headers too large, a bad request
 * line, broken chunking, an unknown HTTP version): the same short JSON body in Spanish as {@link ErrorsPlugin} gives,
 * instead of Jetty's English HTML page.
 */
final class BadMessageErrors extends ErrorHandler {

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    return ByteBuffer.wrap(("{\"error\":\"" + message(status) + "\",\"status\":" + status + "}")
        .getBytes(StandardCharsets.UTF_8));
  }

  static String message(int status) {
    return switch (status) {
      case 431 -> "Las cabeceras de la petición son demasiado grandes.";
      case 413 -> "La petición es demasiado grande.";
      case 505 -> "Versión de HTTP no admitida.";
      case 501 -> "Método no admitido.";
      default -> "La petición está mal formada y no se pudo leer.";
    };
  }
}
