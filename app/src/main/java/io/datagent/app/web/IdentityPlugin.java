package io.datagent.app.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.plugin.Plugin;
import java.util.function.Consumer;

/**
 * Puts an {@link Identity} on every request. In Databricks mode a request without {@code X-Forwarded-Email} (set by the
 * Apps proxy after it authenticated the user) is refused with 401, except {@code /health}; locally the header is
 * honoured when present (tests, several users on one machine) and the demo user stands in otherwise.
 */
public final class IdentityPlugin extends Plugin<IdentityPlugin.Config> {

  /** {@code databricks}: headers required; otherwise the demo user. */
  public static final class Config {
    public boolean requireForwardedUser = true;
    public String demoUser = "analista@datagent.local";
  }

  public IdentityPlugin(Consumer<Config> userConfig) {
    super(userConfig, new Config());
  }

  @Override
  public void onInitialize(JavalinConfig config) {
    if (!pluginConfig.requireForwardedUser && (pluginConfig.demoUser == null || !pluginConfig.demoUser.contains("@"))) {
      throw new IllegalArgumentException("IdentityPlugin: demoUser (DATAGENT_DEMO_USER) must be an e-mail, got "
          + pluginConfig.demoUser);
    }
    config.router.mount(router -> router.before(this::identify));
  }

  private void identify(Context ctx) {
    if (ctx.path().equals("/health")) {
      return;
    }
    String email = clean(ctx.header("X-Forwarded-Email"));
    if (email == null && pluginConfig.requireForwardedUser) {
      throw new UnauthorizedResponse("Falta la identidad del usuario (X-Forwarded-Email): entra a través de Databricks.");
    }
    if (email == null) {
      email = pluginConfig.demoUser;
    }
    String name = clean(ctx.header("X-Forwarded-Preferred-Username"));
    ctx.attribute(Identity.ATTRIBUTE, new Identity(email, name == null ? email : name, clean(ctx.header("X-Forwarded-Access-Token"))));
  }

  private static String clean(String header) {
    if (header == null) {
      return null;
    }
    String v = header.strip();
    return v.isEmpty() || v.length() > 320 ? null : v;
  }
}
