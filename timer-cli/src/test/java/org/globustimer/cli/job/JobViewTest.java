package org.globustimer.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import org.globustimer.cli.output.OutputFormat;
import org.globustimer.core.json.Json;
import org.junit.jupiter.api.Test;

class JobViewTest {

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text.replace('\'', '"'));
  }

  private static String print(Consumer<PrintWriter> printer) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    printer.accept(out);
    out.flush();
    return text.toString();
  }

  private static final String JOB =
      "{'job_id':'4b5e8d8a-0000-4000-8000-000000000001','name':'nightly','status':'loaded',"
          + "'start':'2030-01-01T00:00:00+00:00','interval':28800,"
          + "'next_run':'2030-01-01T08:00:00+00:00','stop_after':{'date':null,'n_runs':null},"
          + "'n_runs':2,'n_errors':0,"
          + "'results':{'data':[%s],'page_next':null}}";

  @Test
  void summaryHasTheSeedsFieldsAligned() throws Exception {
    JsonNode job = json(String.format(JOB, ""));
    String text = print(out -> JobView.printJob(out, job, OutputFormat.TEXT));
    assertThat(text)
        .contains("Name:            nightly\n")
        .contains("Job ID:          4b5e8d8a-0000-4000-8000-000000000001\n")
        .contains("Status:          loaded\n")
        .contains("Interval:        8h (28800 s)\n")
        .contains("Last Run Result: NOT RUN\n")
        .contains("Start:")
        .contains("Next Run At:")
        .doesNotContain("Stop After");
  }

  @Test
  void lastResultFollowsTheLatestRunsAction() throws Exception {
    assertThat(LastResult.ofJob(json(String.format(JOB, "")))).isEqualTo(LastResult.NOT_RUN);
    assertThat(
            LastResult.ofJob(
                json(String.format(JOB, "{'run_status':'ACTIVE','data':{'status':'ACTIVE'}}"))))
        .isEqualTo(LastResult.RUNNING);
    assertThat(
            LastResult.ofJob(
                json(
                    String.format(
                        JOB,
                        "{'run_status':'SUCCEEDED','data':{'status':'SUCCEEDED'}},"
                            + "{'run_status':'FAILED'}"))))
        .isEqualTo(LastResult.SUCCEEDED);
    assertThat(LastResult.ofJob(json(String.format(JOB, "{'run_status':'FAILED','data':null}"))))
        .isEqualTo(LastResult.FAILED);
    assertThat(LastResult.ofJob(json(String.format(JOB, "{'status':500,'errors':['boom']}"))))
        .isEqualTo(LastResult.FAILED);
    assertThat(LastResult.ofJob(json(String.format(JOB, "{'run_status':'SUBMITTING'}"))))
        .isEqualTo(LastResult.RUNNING);
    assertThat(LastResult.FAILED.words).isEqualTo("FAILURE");
    assertThat(LastResult.SUCCEEDED.words).isEqualTo("RUN COMPLETE");
  }

  @Test
  void listIsAnAlignedTableOrTabSeparatedLines() throws Exception {
    JsonNode jobs =
        json(
            "{'jobs':["
                + String.format(JOB, "{'run_status':'SUCCEEDED'}")
                + ",{'job_id':'4b5e8d8a-0000-4000-8000-000000000002','name':'a much longer name',"
                + "'status':'ended','results':{'data':[]}}]}");
    String text = print(out -> JobListView.printList(out, jobs, OutputFormat.TEXT));
    String[] lines = text.split("\n");
    assertThat(lines[0]).startsWith("Name               | Job ID").endsWith("| Last Result");
    assertThat(lines[1]).matches("-+-\\+-+-\\+-+-\\+-+");
    assertThat(lines[2]).startsWith("nightly            | 4b5e8d8a").endsWith("| RUN COMPLETE");
    assertThat(lines[3]).startsWith("a much longer name | ").endsWith("| NOT RUN");
    assertThat(lines[2].indexOf('|')).isEqualTo(lines[3].indexOf('|'));

    String unix = print(out -> JobListView.printList(out, jobs, OutputFormat.UNIX));
    assertThat(unix)
        .isEqualTo(
            "4b5e8d8a-0000-4000-8000-000000000001\tnightly\tloaded\tSUCCEEDED\n"
                + "4b5e8d8a-0000-4000-8000-000000000002\ta much longer name\tended\tNOT_RUN\n");
  }

  @Test
  void transferDetailsShowProgress() throws Exception {
    JsonNode result =
        json(
            "{'run_status':'ACTIVE','data':{'status':'ACTIVE','details':{'files':4,"
                + "'files_transferred':1,'files_skipped':1,'bytes_transferred':2048,"
                + "'nice_status':'Queued'}}}");
    assertThat(RunWatch.line(result, LastResult.of(result)))
        .isEqualTo(
            "RUNNING  [############------------]  50%  2/4 files (1 skipped), 2.0 KiB  Queued");
  }

  @Test
  void aFinishedTransferShowsItsDurationAndThroughput() throws Exception {
    JsonNode result =
        json(
            "{'run_status':'SUCCEEDED','data':{'status':'SUCCEEDED','details':{'files':2,"
                + "'files_transferred':2,'files_skipped':0,'bytes_transferred':3145728,"
                + "'duration_seconds':2.5,'effective_bytes_per_second':1258291}}}");
    assertThat(RunView.details(result)).isEqualTo("2/2 files, 3.0 MiB in 2.5 s (1.2 MiB/s)");
  }
}
