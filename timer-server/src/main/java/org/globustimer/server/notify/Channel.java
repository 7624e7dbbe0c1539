package org.globustimer.server.notify;

import org.globustimer.server.store.NotificationRow;

/** One way of delivering a notification. */
interface Channel {

  /** Sends {@code n}; null when its target took it, else why not, in words. */
  String send(NotificationRow n);

  /** The channel a notification's target names: e-mail for {@code mailto:}, else the webhook. */
  static String of(String target) {
    return target.startsWith(Notifications.MAILTO) ? "email" : "webhook";
  }
}
