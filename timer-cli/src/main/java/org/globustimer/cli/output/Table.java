package org.globustimer.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows printed as aligned columns under a header ({@code text}) or tab-separated ({@code unix}).
 */
public final class Table {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String... header) {
    this.header = List.of(header);
  }

  public Table add(String... cells) {
    List<String> row = new ArrayList<>();
    for (String cell : cells) {
      row.add(cell == null ? "" : cell);
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public void printAligned(PrintWriter out) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    printRow(out, header, widths);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(rule);
    for (List<String> row : rows) {
      printRow(out, row, widths);
    }
  }

  public void printTabbed(PrintWriter out) {
    for (List<String> row : rows) {
      out.println(String.join("\t", row.stream().map(Table::oneLine).toList()));
    }
  }

  public void print(PrintWriter out, OutputFormat format) {
    if (format == OutputFormat.UNIX) {
      printTabbed(out);
    } else {
      printAligned(out);
    }
  }

  private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String cell = oneLine(cells.get(i));
      line.append(i == 0 ? "" : " | ");
      line.append(i == widths.length - 1 ? cell : pad(cell, widths[i]));
    }
    out.println(line.toString().stripTrailing());
  }

  private static String pad(String cell, int width) {
    return cell + " ".repeat(Math.max(0, width - cell.length()));
  }

  static String oneLine(String cell) {
    return cell.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
