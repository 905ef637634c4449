package org.relaybench.ui.internal;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * A view's reads of the session log, newest wins: each read runs in a background job, and its answer
 * is shown on the UI thread only when no newer read was started meanwhile and the view is still
 * there. {@link #soon} waits for a pause first, so that typing or a burst of changes starts one read
 * instead of one per key or change. Used from the UI thread only.
 *
 * @param <T> what a read returns
 */
final class NewestRead<T> {

    private final Control owner;
    private final Display display;
    private final String jobName;
    private final int pauseMillis;
    private final Consumer<T> show;
    private final Consumer<RuntimeException> failed;
    private long generation;

    /**
     * @param owner the control whose display shows the answers; once it is disposed, nothing is shown
     * @param jobName the name of the job that reads
     * @param pauseMillis how long {@link #soon} waits for another request
     * @param show shows an answer, on the UI thread
     * @param failed shows a failed read, on the UI thread
     */
    NewestRead(Control owner, String jobName, int pauseMillis, Consumer<T> show, Consumer<RuntimeException> failed) {
        this.owner = owner;
        this.display = owner.getDisplay();
        this.jobName = jobName;
        this.pauseMillis = pauseMillis;
        this.show = show;
        this.failed = failed;
    }

    /**
     * Calls {@code start} after a pause with no further call of this method or {@link #now}.
     *
     * @param start starts the read, typically by gathering the view's input and calling {@link #now}
     */
    void soon(Runnable start) {
        long mine = ++generation;
        display.timerExec(pauseMillis, () -> {
            if (mine == generation && !owner.isDisposed()) {
                start.run();
            }
        });
    }

    /**
     * Starts a read at once; any read started before it will not be shown.
     *
     * @param read reads, in a background job
     * @param logged the warning a failed read leaves in the job's status (for the error log)
     */
    void now(Supplier<T> read, Function<RuntimeException, String> logged) {
        long mine = ++generation;
        Job job = Job.create(jobName, (IProgressMonitor monitor) -> {
            try {
                T answer = read.get();
                onUi(mine, () -> show.accept(answer));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                onUi(mine, () -> failed.accept(e));
                return Status.warning(logged.apply(e), e);
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    /** Forgets the reads started so far: none of them will be shown. */
    void cancel() {
        ++generation;
    }

    private void onUi(long mine, Runnable r) {
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (mine == generation && !owner.isDisposed()) {
                r.run();
            }
        });
    }
}
