package io.datagent.platform;

import com.databricks.sdk.core.utils.SerDeUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** SDK objects as the API's JSON (snake_case fields, as the SDK serialises them), for callers that parse JSON. */
public final class Json {

  private static final ObjectMapper MAPPER = SerDeUtils.createMapper();

  private Json() {}

  public static JsonNode tree(Object sdkObject) {
    return MAPPER.valueToTree(sdkObject);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
