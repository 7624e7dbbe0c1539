package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Option;

/** One --include or --exclude rule; the first rule that matches a name decides. */
final class FilterRule {
  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description = "Copy names matching GLOB (repeatable; the first matching rule wins).")
  String include;

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip names matching GLOB.")
  String exclude;

  /** Adds the rules, in their order, as the transfer's filter_rules; none adds nothing. */
  static void addTo(ObjectNode body, List<FilterRule> filters) {
    if (!filters.isEmpty()) {
      ArrayNode rules = body.putArray("filter_rules");
      for (FilterRule filter : filters) {
        ObjectNode rule = rules.addObject();
        rule.put("DATA_TYPE", "filter_rule");
        rule.put("method", filter.include != null ? "include" : "exclude");
        rule.put("name", filter.include != null ? filter.include : filter.exclude);
      }
    }
  }
}
