package com.acme;

public record Item(long id, String name) {}
