package io.datagent.agent.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.datagent.agent.tool.Toolbox;
import java.util.List;

/** The tool definitions the model sees (names and JSON schemas match {@link io.datagent.agent.tool.ToolSession#call}). */
final class AgentTools {

  private AgentTools() {}

  static final List<ToolSpecification> ALL = List.of(
      ToolSpecification.builder().name(Toolbox.SEARCH)
          .description("Búsqueda híbrida (léxica y semántica) en las descripciones de tablas, las filas y los textos. "
              + "Devuelve fragmentos con su tabla, archivo y fila de origen.")
          .parameters(JsonObjectSchema.builder()
              .addStringProperty("query", "Qué buscar, en español")
              .addProperty("tables", JsonArraySchema.builder().items(new JsonStringSchema())
                  .description("Opcional: limitar a estas tablas (esquema.tabla)").build())
              .addProperty("kinds", JsonArraySchema.builder().items(new JsonStringSchema())
                  .description("Opcional: table_card, row o passage").build())
              .addIntegerProperty("k", "Cantidad de resultados (1-20, por defecto 8)")
              .required("query").build())
          .build(),
      ToolSpecification.builder().name(Toolbox.LIST)
          .description("Lista todas las tablas disponibles con su descripción.")
          .parameters(JsonObjectSchema.builder().build())
          .build(),
      ToolSpecification.builder().name(Toolbox.DESCRIBE)
          .description("Columnas, tipos, descripciones y valores de ejemplo de una tabla.")
          .parameters(JsonObjectSchema.builder().addStringProperty("table", "Nombre esquema.tabla").required("table").build())
          .build(),
      ToolSpecification.builder().name(Toolbox.RUN_SQL)
          .description("Ejecuta UNA consulta de lectura (SELECT o WITH) sobre las tablas permitidas y devuelve las filas. "
              + "Se agrega un LIMIT; se rechaza cualquier modificación de datos.")
          .parameters(JsonObjectSchema.builder().addStringProperty("sql", "La consulta SQL (Spark/Databricks SQL)").required("sql").build())
          .build());
}
