package dev.cachegen.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Just enough of the Redis protocol (RESP2) to send one command and read its reply as text, so that
 * test support needs no Redis client library. Speaks plain TCP only: {@code rediss://} (TLS) is
 * refused with a message.
 */
final class Resp {
  private static final int CONNECT_MILLIS = 2_000;
  private static final int READ_MILLIS = 5_000;

  private Resp() {}

  /**
   * Sends {@code arguments} as one command to the server {@code uri} names, after {@code AUTH} when
   * the URI carries a user or password and {@code SELECT} when it names a database, and returns the
   * reply: a status or bulk string as it is, an integer as its digits, {@code null} for a nil
   * reply, an array as its elements joined by {@code '\n'}.
   *
   * @throws IllegalStateException when the server is unreachable or answers with an error
   */
  static String command(URI uri, String... arguments) {
    if ("rediss".equalsIgnoreCase(uri.getScheme())) {
      throw new UnsupportedOperationException(
          "command() speaks plain RESP and cannot reach "
              + redact(uri)
              + " over TLS; use a Redis"
              + " client for rediss:// servers");
    }
    String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
    int port = uri.getPort() == -1 ? 6379 : uri.getPort();
    try (Socket socket = connect(host, port, CONNECT_MILLIS, READ_MILLIS)) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      String userInfo = uri.getRawUserInfo();
      if (userInfo != null && !userInfo.isEmpty()) {
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? "" : decode(userInfo.substring(0, colon));
        String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
        send(out, user.isEmpty() ? new String[] {"AUTH", password} : auth(user, password));
        read(in);
      }
      String path = uri.getPath();
      if (path != null && path.length() > 1) {
        send(out, "SELECT", path.substring(1));
        read(in);
      }
      send(out, arguments);
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException(
          "redis command " + List.of(arguments) + " to " + redact(uri) + " failed: " + e, e);
    }
  }

  /** Whether a server on {@code host:port} answers {@code PING} with {@code PONG} right now. */
  static boolean ping(String host, int port) {
    try (Socket socket = connect(host, port, 200, 500)) {
      send(socket.getOutputStream(), "PING");
      return "PONG".equals(read(socket.getInputStream()));
    } catch (IOException | IllegalStateException e) {
      return false; // not up yet, or loading
    }
  }

  /** The URI without its password, for messages. */
  static String redact(URI uri) {
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null) {
      return uri.toString();
    }
    int colon = userInfo.indexOf(':');
    String shown = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
    return uri.toString().replace(userInfo + "@", shown + "@");
  }

  private static String[] auth(String user, String password) {
    return new String[] {"AUTH", user, password};
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  private static Socket connect(String host, int port, int connectMillis, int readMillis)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), connectMillis);
      socket.setSoTimeout(readMillis);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static void send(OutputStream out, String... arguments) throws IOException {
    StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
    for (String argument : arguments) {
      int length = argument.getBytes(StandardCharsets.UTF_8).length;
      request.append('$').append(length).append("\r\n").append(argument).append("\r\n");
    }
    out.write(request.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String read(InputStream in) throws IOException {
    int type = in.read();
    if (type == -1) {
      throw new IOException("the server closed the connection");
    }
    String line = readLine(in);
    switch (type) {
      case '+':
      case ':':
        return line;
      case '-':
        throw new IllegalStateException("redis answered: " + line);
      case '$':
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] bytes = in.readNBytes(length + 2);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      case '*':
        int count = Integer.parseInt(line);
        if (count < 0) {
          return null;
        }
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < count; i++) {
          all.append(i == 0 ? "" : "\n").append(read(in));
        }
        return all.toString();
      default:
        throw new IOException("unexpected RESP type '" + (char) type + "' " + line);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\r') {
        in.read(); // '\n'
        break;
      }
      line.append((char) c);
    }
    return line.toString();
  }
}
