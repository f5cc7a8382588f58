package dev.cachegen.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a bean as it is: the starter does not wrap it in its generated decorator. Put it on the
 * bean's class or on its {@code @Bean} method; the property {@code cachegen.exclude-beans} does the
 * same by bean name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NotDecorated {}
