package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** One YAML file of a bundle: where it is, its name relative to the bundle root, and its parsed tree. */
record BundleFile(Path path, String name, JsonNode doc) {

  Path dir() {
    return path.getParent();
  }
}
