package org.opendicomweb.web.capabilities;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The resource tree of this deployment. Resource classes are CDI beans in Quarkus REST, so the container knows
 * them all, including any added later: nothing here lists them by hand.
 */
@ApplicationScoped
public class Capabilities {

    private volatile ResourceTree tree;

    public ResourceTree tree() {
        ResourceTree t = tree;
        if (t == null) {
            Set<Class<?>> classes = new LinkedHashSet<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                    classes.add(bean.getBeanClass());
                }
            }
            t = ResourceTree.of(classes);
            tree = t;
        }
        return t;
    }
}
