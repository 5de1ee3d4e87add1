package io.datagent.ingestion.csv;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the driver learned about a delimited text file from its first and last bytes.
 *
 * @param charset      name of the detected encoding
 * @param bomLength    bytes of byte-order mark to skip
 * @param delimiter    the field delimiter
 * @param headerRecord index of the header among the file's non-empty records (0 unless title lines precede it)
 * @param headerLine   1-based line of the header in the file
 * @param headers      header texts with footnote markers removed
 * @param columnNotes  column index to the footnote its header marker points to
 * @param titleLines   lines above the header (become the table comment)
 * @param notes        note lines found after the data (sources, footnotes)
 */
public record CsvLayout(
    String charset,
    int bomLength,
    char delimiter,
    int headerRecord,
    long headerLine,
    List<String> headers,
    Map<Integer, String> columnNotes,
    List<String> titleLines,
    List<String> notes) implements Serializable {}
