package com.acme.web;

import dev.cachegen.annotations.CacheControl;

/** Only HTTP caching, nothing cached in the application: the decorator still carries the policy. */
@CacheControl(noStore = true)
public interface Accounts {
  record Statement(String accountId, long cents) {}

  Statement statement(String accountId);
}
