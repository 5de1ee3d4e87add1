package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one saved page in a Spark task: the body is parsed once and each record yields both its JSON text and its
 * flat fields. A body that is not JSON fails with the source, page and URL named.
 */
final class PageParser implements java.io.Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final String recordsPath;
  private final RecordFlattener flattener;

  PageParser(ApiSource source, ApiEndpoint ep) {
    this.source = source.name();
    this.recordsPath = ep.recordsPath();
    this.flattener = new RecordFlattener(ep);
  }

  List<ParsedRecord> parse(PageRef p) {
    JsonNode body;
    try {
      body = JSON.readTree(Files.readAllBytes(Path.of(p.body())));
    } catch (IOException e) {
      throw new UncheckedIOException("Fuente " + source + ", página " + p.page() + " (" + p.url() + "): no se pudo leer "
          + p.body() + ": " + e.getMessage(), e);
    }
    JsonNode array = Records.array(body, recordsPath);
    if (array == null) {
      return List.of();
    }
    Timestamp fetchedAt = Timestamp.from(Instant.parse(p.fetchedAt()));
    List<ParsedRecord> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode r = array.get(i);
      String json = r.toString();
      out.add(new ParsedRecord(json, ApiExtractor.sha256(json), FlatFields.of(flattener.flatten(r)), p.url(), p.page(), i + 1, fetchedAt));
    }
    return out;
  }
}
