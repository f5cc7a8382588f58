package dev.cachegen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on the loopback interface that nothing listens on. */
public final class LoopbackPorts {
  private LoopbackPorts() {}

  /**
   * A loopback port nobody listens on right now, chosen by the operating system. Another process
   * may take it before yours binds it; launchers that use it retry on another port.
   */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    }
  }
}
