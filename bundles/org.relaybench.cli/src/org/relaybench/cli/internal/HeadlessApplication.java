package org.relaybench.cli.internal;

import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;

/** The headless product's application, {@code org.relaybench.cli.app}. */
public final class HeadlessApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> args = raw == null ? List.of() : Arrays.asList(raw);
        context.applicationRunning();
        try (Services services = new Services(FrameworkUtil.getBundle(getClass()).getBundleContext())) {
            int code = new Cli(services).run(args, System.out, System.err);
            System.out.flush();
            return Integer.valueOf(code);
        }
    }

    @Override
    public void stop() {
        // commands are short and not interruptible midway; the framework waits for start() to return
    }
}
