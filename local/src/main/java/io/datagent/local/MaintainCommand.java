package io.datagent.local;

import io.datagent.maintenance.MaintenanceJob;
import io.datagent.maintenance.TableMaintenance;
import java.util.List;

/** {@code ./agent maintain}: OPTIMIZE, VACUUM and ANALYZE over the workspace tables (MaintenanceJob parameters pass through). */
final class MaintainCommand implements Command {

  @Override
  public String name() {
    return "maintain";
  }

  @Override
  public String summary() {
    return "maintain              compacta (OPTIMIZE), limpia (VACUUM) y analiza las tablas";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) {
    List<TableMaintenance> report = MaintenanceJob.run(rt.spark(), MaintenanceJob.config(args.toArray(String[]::new)));
    return report.stream().allMatch(TableMaintenance::ok) ? 0 : 1;
  }
}
