package io.datagent.ingestion.csv;

import java.io.Serializable;

/**
 * A delimited text file as a Spark task needs it: where it is, how to parse it, and where each of its columns goes
 * in the target table ({@code mapping[i]} is the table column of the file's column {@code i}).
 *
 * @param splits where each shard starts in the file when the file can be split by bytes (see
 *               {@link CsvShardReader#split}), or null: then every shard reads the whole file and keeps its rows
 */
public record CsvUnit(int index, String path, CsvLayout layout, int[] mapping, int tableWidth, CsvShardReader.Splits splits)
    implements Serializable {

  public CsvUnit(int index, String path, CsvLayout layout, int[] mapping, int tableWidth) {
    this(index, path, layout, mapping, tableWidth, null);
  }
}
