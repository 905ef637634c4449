package org.relaybench.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.relaybench.report.SessionExporter;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.tests.common.OsgiServices;

/** The exporter is a Declarative Services component, published by Felix SCR from generated XML. */
class ExporterServiceTest {

    @Test
    void exporterIsAnActiveDsComponent() throws Exception {
        SessionExporter exporter = Exports.exporter();
        assertEquals("org.relaybench.report.internal.DefaultSessionExporter", exporter.getClass().getName());
        ServiceComponentRuntime scr = OsgiServices.service(ServiceComponentRuntime.class);
        Collection<ComponentDescriptionDTO> descriptions = scr
                .getComponentDescriptionDTOs(FrameworkUtil.getBundle(SessionExporter.class));
        ComponentDescriptionDTO d = descriptions.stream()
                .filter(x -> x.implementationClass.endsWith("DefaultSessionExporter")).findFirst()
                .orElseThrow(() -> new AssertionError("no DS description: " + descriptions));
        assertTrue(Arrays.asList(d.serviceInterfaces).contains(SessionExporter.class.getName()));
        Collection<ComponentConfigurationDTO> configs = scr.getComponentConfigurationDTOs(d);
        assertEquals(1, configs.size());
        assertEquals(ComponentConfigurationDTO.ACTIVE, configs.iterator().next().state);
    }

    @Test
    void formatsParseByTheirCommandLineIds() {
        for (Format f : Format.values()) {
            assertEquals(Optional.of(f), Format.parse(f.id().toUpperCase()));
        }
        assertEquals(Optional.of(Format.MARKDOWN), Format.parse("markdown"));
        assertEquals(Optional.empty(), Format.parse("docx"));
        assertEquals(List.of(Format.HTML, Format.PDF), Arrays.stream(Format.values()).filter(Format::summary).toList());
        assertEquals(List.of(Format.PDF), Arrays.stream(Format.values()).filter(Format::binary).toList());
    }

    @Test
    void summaryRefusesFormatsWithoutCharts() throws Exception {
        SessionExporter exporter = Exports.exporter();
        assertThrows(IllegalArgumentException.class,
                () -> exporter.exportSummary(List.of(), Format.CSV, new ByteArrayOutputStream()));
    }
}
