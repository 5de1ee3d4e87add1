package io.datagent.ingestion.csv;

import java.io.Serializable;

/**
 * A delimited text file as a Spark task needs it: where it is, how to parse it, and where each of its columns goes
 * in the target table ({@code mapping[i]} is the table column of the file's column {@code i}).
 */
public record CsvUnit(int index, String path, CsvLayout layout, int[] mapping, int tableWidth) implements Serializable {}
