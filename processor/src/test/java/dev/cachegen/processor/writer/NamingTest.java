package dev.cachegen.processor.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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

  @ParameterizedTest
  @CsvSource({
    "ids, id, missing",
    "codes, code, missing",
    "s, key, missing",
    "keys, key, missing",
    "key, key_, missing",
    "classes, classe, missing",
    "missing, key, missingKeys",
    "cases, key, missing"
  })
  void bulkLambdaParametersAreTheSingularAndNeverShadowTheParameter(
      String keys, String element, String missing) {
    assertEquals(new Naming.BulkLocals(element, missing), Naming.bulkLocals(List.of(keys), keys));
  }
}
