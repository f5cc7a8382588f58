package dev.cachegen.runtime.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds {@link Type} constants for generic types, so that generated code can hand the codec the
 * exact declared type of a cached value, such as {@code List<Item>}, without type tokens or
 * reflection on the caller.
 *
 * <pre>{@code
 * Type itemList = Types.parameterized(List.class, Item.class);
 * Type byOwner = Types.parameterized(Map.class, String.class, Types.parameterized(List.class, Item.class));
 * }</pre>
 */
public final class Types {
  private Types() {}

  /** The type {@code raw<arguments...>}, for example {@code List<Item>}. */
  public static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
    Objects.requireNonNull(raw, "raw");
    if (raw.getTypeParameters().length != arguments.length) {
      throw new IllegalArgumentException(
          raw.getName()
              + " takes "
              + raw.getTypeParameters().length
              + " type arguments, not "
              + arguments.length);
    }
    return new Parameterized(raw, arguments.clone());
  }

  /** The array type {@code component[]}, for example {@code List<Item>[]}. */
  public static GenericArrayType arrayOf(Type component) {
    return new GenericArray(Objects.requireNonNull(component, "component"));
  }

  /** The wildcard {@code ? extends bound}. */
  public static WildcardType subtypeOf(Type bound) {
    return new Wildcard(new Type[] {Objects.requireNonNull(bound, "bound")}, new Type[0]);
  }

  /** The wildcard {@code ? super bound}. */
  public static WildcardType supertypeOf(Type bound) {
    return new Wildcard(new Type[] {Object.class}, new Type[] {Objects.requireNonNull(bound)});
  }

  private static final class Parameterized implements ParameterizedType {
    private final Class<?> raw;
    private final Type[] arguments;

    Parameterized(Class<?> raw, Type[] arguments) {
      this.raw = raw;
      this.arguments = arguments;
    }

    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return raw.getDeclaringClass();
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof ParameterizedType)) {
        return false;
      }
      ParameterizedType that = (ParameterizedType) other;
      return raw.equals(that.getRawType())
          && Objects.equals(getOwnerType(), that.getOwnerType())
          && Arrays.equals(arguments, that.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(arguments) ^ Objects.hashCode(getOwnerType()) ^ raw.hashCode();
    }

    @Override
    public String toString() {
      StringBuilder name = new StringBuilder(raw.getTypeName()).append('<');
      for (int i = 0; i < arguments.length; i++) {
        name.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
      }
      return name.append('>').toString();
    }
  }

  private static final class GenericArray implements GenericArrayType {
    private final Type component;

    GenericArray(Type component) {
      this.component = component;
    }

    @Override
    public Type getGenericComponentType() {
      return component;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof GenericArrayType
          && component.equals(((GenericArrayType) other).getGenericComponentType());
    }

    @Override
    public int hashCode() {
      return component.hashCode();
    }

    @Override
    public String toString() {
      return component.getTypeName() + "[]";
    }
  }

  private static final class Wildcard implements WildcardType {
    private final Type[] upper;
    private final Type[] lower;

    Wildcard(Type[] upper, Type[] lower) {
      this.upper = upper;
      this.lower = lower;
    }

    @Override
    public Type[] getUpperBounds() {
      return upper.clone();
    }

    @Override
    public Type[] getLowerBounds() {
      return lower.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WildcardType
          && Arrays.equals(upper, ((WildcardType) other).getUpperBounds())
          && Arrays.equals(lower, ((WildcardType) other).getLowerBounds());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(upper) ^ Arrays.hashCode(lower);
    }

    @Override
    public String toString() {
      return lower.length > 0
          ? "? super " + lower[0].getTypeName()
          : upper[0] == Object.class ? "?" : "? extends " + upper[0].getTypeName();
    }
  }
}
