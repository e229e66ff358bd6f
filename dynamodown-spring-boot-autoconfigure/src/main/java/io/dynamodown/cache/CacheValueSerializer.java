package io.dynamodown.cache;

/**
 * The former place of {@link io.dynamodown.boot.cache.CacheValueSerializer}: a bean that
 * implements this interface is one of those and replaces the default serializer as one.
 *
 * @deprecated since 0.1.0, for removal: implement
 * {@link io.dynamodown.boot.cache.CacheValueSerializer}
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public interface CacheValueSerializer extends io.dynamodown.boot.cache.CacheValueSerializer {

}
