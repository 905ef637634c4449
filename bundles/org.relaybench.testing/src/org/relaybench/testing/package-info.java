/**
 * The provider contract as a JUnit 5 test suite that provider plugin authors run on their own
 * provider: subclass {@link org.relaybench.testing.ProviderContractTest} in a test bundle and name the
 * provider, or run {@link org.relaybench.testing.InstalledProviders} over every installed provider.
 * API, versioned like the core API packages (see {@code docs/API.md}).
 */
package org.relaybench.testing;
