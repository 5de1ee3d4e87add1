package io.datagent.jobmonitor.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** The JSON the monitor's routes write: records as objects, instants as ISO-8601 text, durations in seconds. */
public final class MonitorJson {

  public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule()
      .addSerializer(Instant.class, new JsonSerializer<>() {
        @Override
        public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
          g.writeString(v.toString());
        }
      })
      .addSerializer(Duration.class, new JsonSerializer<>() {
        @Override
        public void serialize(Duration v, JsonGenerator g, SerializerProvider p) throws IOException {
          g.writeNumber(v.toSeconds());
        }
      }));

  private MonitorJson() {}

  public static String write(Object o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
