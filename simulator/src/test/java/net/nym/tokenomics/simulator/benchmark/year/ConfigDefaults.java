package net.nym.tokenomics.simulator.benchmark.year;

import io.smallrye.config.WithDefault;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;

/**
 * A service's {@code @ConfigMapping} interface answered by its own {@link WithDefault} values, so that the generator
 * drives the service's application layer with the configuration a packaged service starts with (no Quarkus runtime in
 * the generator). A method without a default fails when called: the generator then needs that value explicitly.
 */
final class ConfigDefaults {

    private ConfigDefaults() {
    }

    static <T> T of(Class<T> mapping) {
        Object proxy = Proxy.newProxyInstance(mapping.getClassLoader(), new Class<?>[]{mapping}, (self, method, args) ->
                switch (method.getName()) {
                    case "toString" -> mapping.getSimpleName() + " (defaults)";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    // a default method derives its value from the others (e.g. a domain config from its parts)
                    default -> method.isDefault() ? InvocationHandler.invokeDefault(self, method, args) : valueOf(method);
                });
        return mapping.cast(proxy);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    private static Object valueOf(Method method) {
        Class<?> type = method.getReturnType();
        if (type.isInterface()) {
            return of(type);
        }
        WithDefault d = method.getAnnotation(WithDefault.class);
        if (d == null) {
            throw new IllegalStateException(method + " has no default: give it to the generator explicitly");
        }
        String v = d.value();
        if (type == String.class) {
            return v;
        } else if (type == int.class || type == Integer.class) {
            return Integer.parseInt(v);
        } else if (type == long.class || type == Long.class) {
            return Long.parseLong(v);
        } else if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(v);
        } else if (type == Duration.class) {
            return Duration.parse(v);
        } else if (type == Instant.class) {
            return Instant.parse(v);
        } else if (type.isEnum()) {
            return enumConstant(type, v);
        }
        throw new IllegalStateException(method + ": no conversion for " + type);
    }
}
