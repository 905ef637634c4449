/**
 * Friend interfaces between the core and the bundles that extend the installation (p2). Not API:
 * exported {@code x-friends} to {@code org.relaybench.plugins} and the tests only.
 */
package org.relaybench.core.internal.spi;
