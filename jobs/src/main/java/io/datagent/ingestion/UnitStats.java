package io.datagent.ingestion;

import io.datagent.ingestion.typing.ColumnProfile;
import java.io.Serializable;

/**
 * What a pass over the parsed rows learned about one unit: counts, the first problem, and a type profile per table
 * column. Built per partition inside Spark and merged on the driver.
 */
final class UnitStats implements Serializable {

  long rowsRead;
  long ragged;
  long firstRaggedRow = Long.MAX_VALUE;
  String firstRaggedProblem;
  long fatalRow = Long.MAX_VALUE;
  String fatal;
  final ColumnProfile[] profiles;

  UnitStats(String[] headers, boolean spreadsheet) {
    profiles = new ColumnProfile[headers.length];
    for (int i = 0; i < headers.length; i++) {
      if (headers[i] != null) {
        profiles[i] = new ColumnProfile(headers[i], spreadsheet);
      }
    }
  }

  void add(ParsedRow r) {
    if (r.fatal()) {
      if (r.row() < fatalRow) {
        fatalRow = r.row();
        fatal = r.problem();
      }
      return;
    }
    rowsRead++;
    if (r.problem() != null) {
      ragged++;
      if (r.row() < firstRaggedRow) {
        firstRaggedRow = r.row();
        firstRaggedProblem = r.problem();
      }
      return;
    }
    String[] cells = r.cells();
    for (int i = 0; i < profiles.length; i++) {
      if (profiles[i] != null) {
        profiles[i].add(cells[i]);
      }
    }
  }

  UnitStats merge(UnitStats o) {
    rowsRead += o.rowsRead;
    ragged += o.ragged;
    if (o.firstRaggedRow < firstRaggedRow) {
      firstRaggedRow = o.firstRaggedRow;
      firstRaggedProblem = o.firstRaggedProblem;
    }
    if (o.fatalRow < fatalRow) {
      fatalRow = o.fatalRow;
      fatal = o.fatal;
    }
    for (int i = 0; i < profiles.length; i++) {
      if (profiles[i] != null && o.profiles[i] != null) {
        profiles[i] = profiles[i].merge(o.profiles[i]);
      }
    }
    return this;
  }
}
