/**
 * Relaybench core API.
 */
package org.relaybench.core;
