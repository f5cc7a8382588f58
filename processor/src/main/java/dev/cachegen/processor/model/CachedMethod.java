package dev.cachegen.processor.model;

import dev.cachegen.annotations.StampedePolicy;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @Cached} method, with everything the writer needs and nothing left to check.
 *
 * @param element the interface method
 * @param type the method's type as a member of the decorated interface
 * @param cacheName the cache's name, valid for the runtime
 * @param valueType the type stored in the cache: the return type, its box, or the {@code T} of
 *     {@code Optional<T>} and futures; never a type variable, raw type or bare wildcard
 * @param returnKind how the value is wrapped on return
 * @param keyParts the key, in template order
 * @param ttl time to live in the shared tier
 * @param localTtl time to live in the in-process tier
 * @param sliding whether reads extend an entry's life
 * @param cacheNulls whether {@code null} answers are stored
 * @param stampede what concurrent misses do
 * @param freshness early refresh and stale windows; {@link Freshness#NONE} for a bulk method
 * @param shape the value type's fingerprint
 * @param tags the tags attached to every entry loaded by this method, in template order
 * @param bulk for a bulk method ({@code Map<K, V> findAll(Collection<K> ids)}), its keys; then
 *     {@code keyParts} is the key of one element, rooted at the parameter's name, and {@code
 *     valueType} is {@code V}
 * @param batching for a single-key method with {@code batchWith}, how its misses are batched
 * @param condition {@code condition}: when false, a call goes straight to the delegate
 * @param unless {@code unless}: a loaded value it holds for is returned but not stored; part of the
 *     cache's definition
 * @param ttlFrom {@code ttlFrom}: the path that gives each value its own time to live; part of the
 *     cache's definition
 */
public record CachedMethod(
    ExecutableElement element,
    ExecutableType type,
    String cacheName,
    TypeMirror valueType,
    ReturnKind returnKind,
    List<KeyPart> keyParts,
    CacheTtl ttl,
    CacheTtl localTtl,
    boolean sliding,
    boolean cacheNulls,
    StampedePolicy stampede,
    Freshness freshness,
    Shape shape,
    List<TagTemplate> tags,
    Optional<BulkKeys> bulk,
    Optional<Batching> batching,
    Optional<CheckedCondition> condition,
    Optional<CheckedCondition> unless,
    Optional<TtlFromPath> ttlFrom)
    implements MethodModel {

  /** Copies the lists. */
  public CachedMethod {
    keyParts = List.copyOf(keyParts);
    tags = List.copyOf(tags);
  }

  /** The parts of the key that carry values, in order: what the local key is made of. */
  public List<KeyPart.Value> keyValues() {
    return keyParts.stream()
        .filter(KeyPart.Value.class::isInstance)
        .map(KeyPart.Value.class::cast)
        .toList();
  }

  /** Whether each element of the method's one parameter is cached on its own. */
  public boolean isBulk() {
    return bulk.isPresent();
  }
}
