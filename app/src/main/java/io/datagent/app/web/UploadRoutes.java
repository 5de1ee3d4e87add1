package io.datagent.app.web;

import io.datagent.app.Refusal;
import io.datagent.app.uploads.Upload;
import io.datagent.app.uploads.UploadService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;

/**
 * {@code POST /api/uploads} (multipart: {@code file}, optional {@code dataset} = existing table to add to) answers 202
 * with the upload, whose status {@code GET /api/uploads/{id}} follows; {@code GET /api/uploads} lists the user's.
 */
final class UploadRoutes {

  /** Room for the multipart envelope and the other fields around the file. */
  static final long ENVELOPE = 64 * 1024;

  private final UploadService uploads;

  UploadRoutes(UploadService uploads) {
    this.uploads = uploads;
  }

  void register(Javalin app) {
    app.post("/api/uploads", this::upload);
    app.get("/api/uploads", ctx -> ctx.json(uploads.recent(Identity.of(ctx).email(), 20)));
    app.get("/api/uploads/{id}", ctx -> ctx.json(uploads.find(Requests.uuidParam(ctx, "id"), Identity.of(ctx).email())
        .orElseThrow(() -> Refusal.notFound("No existe esa carga."))));
  }

  private void upload(Context ctx) throws Exception {
    long declared = ctx.req().getContentLengthLong();
    if (declared > uploads.policy().maxBytes() + ENVELOPE) {
      uploads.policy().checkSize(declared - ENVELOPE);
    }
    if (!ctx.isMultipartFormData()) {
      throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "Envía el archivo como multipart/form-data en el campo «file».");
    }
    UploadedFile file;
    String dataset;
    try {
      file = ctx.uploadedFile("file");
      dataset = ctx.formParam("dataset");
    } catch (Exception e) { // Jetty's parser: limits and malformed bodies are the sender's doing
      String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      throw m.contains("exceed") || m.contains("too large") || m.contains("max")
          ? new Refusal(Refusal.Kind.TOO_LARGE, "El archivo es demasiado grande; el máximo es "
              + uploads.policy().maxBytes() / 1_000_000 + " MB.")
          : Refusal.invalid("El envío del archivo está incompleto o mal formado.");
    }
    if (file == null) {
      throw Refusal.invalid("Falta el archivo (campo «file»).");
    }
    uploads.policy().checkSize(file.size());
    Upload u;
    try (InputStream in = file.content()) {
      u = uploads.accept(Identity.of(ctx).email(), file.filename(), dataset, in);
    }
    ctx.status(202).json(u);
  }
}
