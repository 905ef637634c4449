/**
 * Reports and exports of support sessions: {@link org.relaybench.report.SessionExporter} (an OSGi
 * service) writes one session as HTML, PDF, JSON, CSV or Markdown, the customer's fix kit (Apple
 * configuration profile, Thunderbird autoconfig file) from its {@link org.relaybench.report.FixKit},
 * and a {@link org.relaybench.report.SummaryReport} over many sessions as HTML or PDF with charts.
 * <p>
 * API rules: the types here are the whole public surface; everything in {@code .internal} may change
 * without notice. Exports never contain a password, and every text from a customer, an agent or a
 * server is neutralised for its format.
 *
 * @since 0.1
 */
package org.relaybench.report;
