package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.tests.common.OsgiServices;

/** The catalog is a Declarative Services component, published by Felix SCR from generated XML. */
class ProviderCatalogServiceTest {

    @Test
    void catalogIsPublishedAsDsComponent() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        assertEquals("org.relaybench.core.internal.catalog.ExtensionProviderCatalog", catalog.getClass().getName());

        ServiceComponentRuntime scr = OsgiServices.service(ServiceComponentRuntime.class);
        Collection<ComponentDescriptionDTO> descriptions = scr
                .getComponentDescriptionDTOs(FrameworkUtil.getBundle(ProviderCatalog.class));
        ComponentDescriptionDTO description = descriptions.stream()
                .filter(d -> d.implementationClass.endsWith("ExtensionProviderCatalog")).findFirst()
                .orElseThrow(() -> new AssertionError("no DS description for the catalog: " + descriptions));
        assertTrue(java.util.Arrays.asList(description.serviceInterfaces).contains(ProviderCatalog.class.getName()));
        Collection<ComponentConfigurationDTO> configs = scr.getComponentConfigurationDTOs(description);
        assertEquals(1, configs.size());
        assertEquals(ComponentConfigurationDTO.ACTIVE, configs.iterator().next().state);
    }

    @Test
    void exactlyOneCatalogService() throws Exception {
        OsgiServices.service(ProviderCatalog.class);
        Collection<ServiceReference<ProviderCatalog>> refs = OsgiServices.context().getServiceReferences(ProviderCatalog.class,
                null);
        assertEquals(1, refs.size());
    }
}
