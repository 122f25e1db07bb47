package net.nym.tokenomics.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds every field the fabric8 model did not recognise. fabric8's model classes keep unknown properties (and, with
 * the unmatched-field-type module, values of the wrong type) in {@code additionalProperties} instead of failing;
 * this walks the deserialised object graph and reports each such property with its path, so that "unknown fields
 * rejected" is a real check.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    static List<String> of(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                walk(element, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", found));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = m.getName();
            if (name.equals("getAdditionalProperties")) {
                Object extra = invoke(m, node);
                if (extra instanceof Map<?, ?> map && !map.isEmpty()) {
                    map.keySet().forEach(k -> found.add(path + "/" + k));
                }
            } else if (name.startsWith("get") && name.length() > 3 && isModelValue(m.getReturnType())) {
                walk(invoke(m, node), path + "/" + Character.toLowerCase(name.charAt(3)) + name.substring(4), found);
            }
        }
    }

    private static boolean isModelValue(Class<?> type) {
        return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || type.getName().startsWith("io.fabric8.kubernetes.api.model");
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + m + " of " + target.getClass(), e);
        }
    }
}
