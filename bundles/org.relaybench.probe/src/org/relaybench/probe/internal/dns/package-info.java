/**
 * A small DNS stub resolver (RFC 1035) for MX, SRV (RFC 2782, 6186, 8314), A and AAAA: UDP with TCP
 * fallback, a configurable server, bounds checks on every read of a response. Not API.
 */
package org.relaybench.probe.internal.dns;
