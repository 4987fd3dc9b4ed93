package io.backupsentinel.schedule;

import io.backupsentinel.engine.Monitor;
import io.backupsentinel.model.TimeMath;
import io.backupsentinel.rule.Rule;
import io.backupsentinel.rule.Schedule;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

import java.time.Duration;
import java.util.Properties;

/**
 * Runs a {@link Monitor} on Quartz (RAMJobStore): a collection every {@code collectEvery}, starting now, and
 * each rule's evaluation on its own schedule, or every {@code evaluateEvery} when it names none. A job that
 * misfires (the daemon was busy) runs once as soon as it can instead of catching up every missed run.
 */
public final class Daemon implements AutoCloseable {
    static final String MONITOR = "monitor";

    private final Scheduler scheduler;

    public Daemon(Monitor monitor, Duration collectEvery, Duration evaluateEvery) throws SchedulerException {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "backup-sentinel");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        scheduler = new StdSchedulerFactory(p).getScheduler();
        scheduler.getContext().put(MONITOR, monitor);

        JobDetail collect = JobBuilder.newJob(CollectJob.class).withIdentity("collect").build();
        scheduler.scheduleJob(collect, TriggerBuilder.newTrigger().withIdentity("collect").startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(TimeMath.millis(collectEvery))
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount()).build());
        for (Rule rule : monitor.rules().rules()) {
            JobDetail job = JobBuilder.newJob(EvaluateJob.class).withIdentity("evaluate-" + rule.name())
                    .usingJobData(EvaluateJob.RULE, rule.name()).build();
            scheduler.scheduleJob(job, trigger(rule, evaluateEvery));
        }
    }

    private static Trigger trigger(Rule rule, Duration evaluateEvery) {
        Schedule s = rule.schedule();
        TriggerBuilder<Trigger> t = TriggerBuilder.newTrigger().withIdentity("evaluate-" + rule.name());
        if (s != null && s.cron() != null) {
            return t.withSchedule(CronScheduleBuilder.cronSchedule(s.cron()).withMisfireHandlingInstructionFireAndProceed())
                    .build();
        }
        Duration every = s != null ? s.every() : evaluateEvery;
        // The first evaluation waits a little for the first collection, which starts at the same time.
        return t.startAt(java.util.Date.from(java.time.Instant.now().plusSeconds(5)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(TimeMath.millis(every))
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount()).build();
    }

    public void start() throws SchedulerException {
        scheduler.start();
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler did not stop cleanly", e);
        }
    }
}
