package dev.cachegen.processor.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

  @ParameterizedTest
  @CsvSource({
    "find, FIND",
    "byOwner, BY_OWNER",
    "findURL, FIND_URL",
    "urlFor, URL_FOR",
    "getHTTPStatus, GET_HTTP_STATUS",
    "item2Name, ITEM2_NAME",
    "x, X"
  })
  void constantsAreUpperSnakeCase(String method, String constant) {
    assertEquals(constant, Naming.upperSnake(method));
  }
}
