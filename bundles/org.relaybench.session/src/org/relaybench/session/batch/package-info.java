/**
 * Batch diagnosis over files of accounts, for every face that runs one (the {@code relaybench batch}
 * command, a workbench import): reading CSV ({@link org.relaybench.session.batch.AccountColumns}) and
 * JSON Lines records one at a time ({@link org.relaybench.session.batch.BatchReaders}), diagnosing
 * each ({@link org.relaybench.session.batch.BatchDiagnosis}) on many threads with output in input
 * order and bounded memory ({@link org.relaybench.session.batch.BatchPipeline}), live probes that are
 * polite to servers ({@link org.relaybench.session.batch.ProbeScheduler}), a per-record result model
 * ({@link org.relaybench.session.batch.BatchResult}), shards
 * ({@link org.relaybench.session.batch.Shard}) and a checkpoint to resume an interrupted run
 * ({@link org.relaybench.session.batch.BatchCheckpoint}).
 *
 * @since 0.1
 */
package org.relaybench.session.batch;
