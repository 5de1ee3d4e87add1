package io.datagent.jobmonitor.local;

import java.util.List;

/** The {@code ./agent} command line a local run came from (to run it again on repair) and the process that ran it. */
public record LocalCommand(String command, List<String> args, long pid) {

  public LocalCommand {
    args = List.copyOf(args);
  }
}
