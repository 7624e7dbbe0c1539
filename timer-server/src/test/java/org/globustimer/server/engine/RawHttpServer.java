package org.globustimer.server.engine;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on a socket of its own, to see what a client does with its connections: it
 * counts them, records each request, and answers as told, keeping the connection open, closing it
 * after the answer without saying so, or never answering.
 */
final class RawHttpServer implements AutoCloseable {

  enum Mode {
    KEEP_ALIVE,
    CLOSE_AFTER_ANSWER,
    NEVER_ANSWER
  }

  record Request(int connection, String line, String head, String body) {}

  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  volatile Mode mode = Mode.KEEP_ALIVE;
  volatile String answer = "HTTP/1.1 202 Accepted";
  volatile String answerBody = "{\"action_id\":\"a1\",\"status\":\"ACTIVE\"}";

  RawHttpServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::acceptAll);
  }

  String base() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  private void acceptAll() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        int number = connections.incrementAndGet();
        Thread.ofVirtual().start(() -> serve(client, number));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client, int number) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      String head;
      while ((head = readHead(in)) != null) {
        int length = contentLength(head);
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        requests.add(new Request(number, head.lines().findFirst().orElse(""), head, body));
        Mode now = mode;
        if (now == Mode.NEVER_ANSWER) {
          in.read();
          return;
        }
        byte[] bytes = answerBody.getBytes(StandardCharsets.UTF_8);
        out.write(
            (answer
                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + bytes.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        if (now == Mode.CLOSE_AFTER_ANSWER) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      head.write(c);
      String text = head.toString(StandardCharsets.US_ASCII);
      if (text.endsWith("\r\n\r\n")) {
        return text;
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    return head.lines()
        .filter(line -> line.toLowerCase().startsWith("content-length:"))
        .map(line -> Integer.parseInt(line.substring(15).trim()))
        .findFirst()
        .orElse(0);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
