package com.acme;

public record Owner(long id, String email) {}
