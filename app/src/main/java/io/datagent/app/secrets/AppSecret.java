package io.datagent.app.secrets;

import java.util.List;

/**
 * One optional secret of the App: its key in the secret scope, the environment variable its code reads, and what goes
 * without it (Spanish, for the Monitor page).
 *
 * <p>All three are optional so that a first deploy works before anyone put them: the App reads them from the scope
 * when it starts ({@link AppSecrets}), never through App secret resources, which fail the deployment while the
 * secret does not exist.
 */
public record AppSecret(String key, String variable, String withoutIt) {

  /** Every secret the App reads. */
  public static final List<AppSecret> ALL = List.of(
      new AppSecret("llm-api-key", "OPENAI_API_KEY",
          "el agente solo puede usar el endpoint de Databricks (llm_endpoint), no un servidor compatible con OpenAI"),
      new AppSecret("smtp-password", "DATAGENT_SMTP_PASSWORD",
          "el monitor no puede iniciar sesión en el servidor SMTP, así que no envía correos que requieran login"),
      new AppSecret("webhook-secret", "DATAGENT_MONITOR_WEBHOOK_SECRET",
          "el webhook del monitor (/api/monitor/webhook) está desactivado: se entera de los fallos solo al sondear"));

  /** The line the Monitor page shows while this secret is missing from {@code scope}. */
  public String missingIn(String scope, String reason) {
    return "Falta el secret " + key + " en el scope " + scope + (reason == null ? "" : " (" + reason + ")") + ": "
        + withoutIt + ". Póngalo con `databricks secrets put-secret " + scope + " " + key
        + "` y reinicie la App (`databricks bundle run datagent`).";
  }
}
