package io.datagent.app.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.plugin.Plugin;

/**
 * Browser-side hardening: a strict Content-Security-Policy (scripts and styles only from the App itself, no inline
 * code, no framing), no MIME sniffing, no referrer; and state-changing requests that a browser marks as cross-site
 * ({@code Sec-Fetch-Site: cross-site}) are refused, so another site cannot post questions or files as the user.
 */
public final class SecurityHeadersPlugin extends Plugin<Void> {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Override
  public void onInitialize(JavalinConfig config) {
    config.router.mount(router -> router.before(this::apply));
  }

  private void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    HandlerType m = ctx.method();
    if (m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS
        && "cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
      throw new ForbiddenResponse("Petición rechazada: viene de otro sitio.");
    }
  }
}
