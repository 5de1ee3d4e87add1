package io.datagent.semantic;

import java.util.List;
import java.util.Optional;

/**
 * The business view of one table: what can be counted or summed (measures, with units), what it can be grouped or
 * filtered by (dimensions, with their values), and the Spanish words for each. Derived from a {@link TableProfile}
 * by {@link SemanticModels#derive}; written and read as Unity Catalog metric view YAML by {@link MetricViewYaml}.
 *
 * @param source the qualified table name
 * @param comment the table's description, or null
 * @param rowNoun what one row is, in plural Spanish ("centrales", "días"; "filas" when unknown)
 */
public record SemanticModel(String source, String comment, String rowNoun, List<Dimension> dimensions,
    List<Measure> measures) {

  public SemanticModel {
    dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    measures = measures == null ? List.of() : List.copyOf(measures);
    rowNoun = rowNoun == null || rowNoun.isBlank() ? "filas" : rowNoun;
  }

  public Optional<Measure> measure(String name) {
    return measures.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst();
  }

  public Optional<Dimension> dimension(String name) {
    return dimensions.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The row-count measure, if the model has one. */
  public Optional<Measure> rowCount() {
    return measures.stream().filter(Measure::rowCount).findFirst();
  }

  /** The temporal dimensions, dates first. */
  public List<Dimension> temporal() {
    return dimensions.stream().filter(Dimension::temporal)
        .sorted(java.util.Comparator.comparing(d -> d.kind() == Dimension.Kind.DATE ? 0 : 1)).toList();
  }
}
