package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One path a transfer copies, where to, and whether it is a directory copied whole. */
record TransferItem(String source, String destination, boolean recursive) {

  ObjectNode toJson() {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put("source_path", source);
    item.put("destination_path", destination);
    item.put("recursive", recursive);
    return item;
  }
}
