package io.datagent.app.web;

import io.javalin.Javalin;

/**
 * Adds routes that live in another module (the job monitor's {@code /api/monitor/*}) to the App. Called once, after
 * the App's own routes and before the server starts; identity, security headers and error handling apply to them.
 */
@FunctionalInterface
public interface RouteRegistrar {

  void register(Javalin app);
}
