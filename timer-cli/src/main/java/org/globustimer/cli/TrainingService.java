package org.globustimer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.globustimer.core.build.BuildInfo;

/**
 * The canned service of {@link Training}: one job, a healthy service, HTTP/1.1 on loopback. Built
 * on a bare socket so that the training loads no server classes the CLI never uses.
 */
final class TrainingService implements AutoCloseable {

  private final ServerSocket socket;
  private final String job;
  private final String id;

  TrainingService(String job, String id) throws IOException {
    this.job = job;
    this.id = id;
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::serve, "training-service");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  String url() {
    return "http://127.0.0.1:" + port();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        answer(client);
      } catch (IOException e) {
        // closed, or a client that went away: the next one is served the same
      }
    }
  }

  private void answer(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    String request = in.readLine();
    if (request == null) {
      return;
    }
    int length = 0;
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    in.skip(length);
    String path = request.split(" ")[1].split("\\?")[0];
    int status = 200;
    String body;
    if (path.equals("/health")) {
      body = "{\"status\":\"ok\",\"node_id\":\"training\",\"version\":\"" + version() + "\"}";
    } else if (path.equals("/jobs/") || path.equals("/jobs")) {
      body = "{\"jobs\":[" + job + "]}";
    } else if (path.equals("/jobs/" + id)) {
      body = job;
    } else {
      status = 404;
      body = "{\"code\":\"NotFound\",\"error\":\"not_found\",\"message\":\"no such path\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + (status == 200 ? " OK" : " Not Found")
            + "\r\nContent-Type: application/json\r\n"
            + BuildInfo.VERSION_HEADER
            + ": "
            + version()
            + "\r\nContent-Length: "
            + bytes.length
            + "\r\nConnection: close\r\n\r\n";
    OutputStream out = client.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  private static String version() {
    return BuildInfo.current().version().toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
