package io.backupsentinel.schedule;

import io.backupsentinel.engine.Monitor;
import io.backupsentinel.model.Target;
import io.backupsentinel.rule.Rule;
import io.backupsentinel.rule.RuleSet;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a {@link Monitor} on Quartz (RAMJobStore).
 *
 * <ul>
 * <li>Each rule has a trigger on its own schedule (its {@code every} or {@code cron}, or
 * {@code daemon.collect_every}): a rule's schedule says how fresh its facts must be. A firing rule does not
 * collect by itself: it marks itself due in every account-region it reaches, and that account-region's job runs
 * after a short window, collecting once for all the rules due there (the union of their fact kinds and
 * scopes). So rules that fire together share one collection and AWS is never asked twice for a fact in one
 * window.</li>
 * <li>One job per account-region: a throttled or dead region never delays another, and the same region's
 * collections never overlap.</li>
 * <li>One trigger at the earliest deadline of any finding (an RPO deadline, an exemption expiring, facts going
 * stale): the pairs due are re-judged on the facts held, with no AWS call, and the trigger moves to the next
 * deadline.</li>
 * <li>Every {@code recheck_every}, the tables in breach of a freshness rule are re-collected (only those tables,
 * only their failing rules' fact kinds), so an incident resolves soon after the fix; every
 * {@code evaluate_every}, every rule is re-judged on its facts as a safety net for verdicts without a deadline.</li>
 * </ul>
 *
 * <p>Misfires (the daemon was paused or busy past Quartz's threshold): a repeating rule trigger fires once at
 * once and continues on its schedule, never catching up every missed run; one-shot collection and deadline
 * triggers fire as soon as they can.
 */
public final class Daemon implements AutoCloseable {
    static final String CONTEXT_KEY = "daemon";
    static final String RULE_FIRED = "rule";
    static final String COLLECT = "collect";
    static final String DEADLINE = "deadline";
    static final String RECHECK = "recheck";
    static final String EVALUATE = "evaluate";
    private static final String RULES_GROUP = "rules";
    private static final String TARGETS_GROUP = "targets";
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final Scheduler scheduler;
    private final Monitor monitor;
    private final DaemonTiming timing;
    private final Set<String> recheckChecks;
    private final Map<Target, Pending> pending = new ConcurrentHashMap<>();
    private final Object deadlineLock = new Object();
    private final java.util.concurrent.atomic.AtomicLong deadlineSeq = new java.util.concurrent.atomic.AtomicLong();
    private TriggerKey deadlineKey;
    private Date deadlineAt;
    private final AtomicBoolean ready = new AtomicBoolean();
    private volatile List<Target> targets;

    /** What one account-region's next run must do: the rules due there, and tables to re-check by rule. */
    private static final class Pending {
        final Set<String> rules = ConcurrentHashMap.newKeySet();
        final Map<String, Set<String>> recheck = new ConcurrentHashMap<>();
        final AtomicBoolean scheduled = new AtomicBoolean();
    }

    /**
     * @param recheckChecks the checks whose NON_COMPLIANT tables are re-collected every {@code recheck_every}
     */
    public Daemon(Monitor monitor, DaemonTiming timing, Set<String> recheckChecks) throws SchedulerException {
        this.monitor = Objects.requireNonNull(monitor);
        this.timing = Objects.requireNonNull(timing);
        this.recheckChecks = Set.copyOf(recheckChecks);
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "backup-sentinel");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "8");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        scheduler = new StdSchedulerFactory(p).getScheduler();
        scheduler.getContext().put(CONTEXT_KEY, this);
        scheduler.addJob(job(DEADLINE, null), true);
        scheduleRepeating(EVALUATE, timing.evaluateEvery());
        scheduleRepeating(RECHECK, timing.recheckEvery());
        scheduleRules(monitor.rules(), Set.of());
    }

    public void start() throws SchedulerException {
        scheduler.start();
    }

    /** True once every rule has been judged in every account-region it reaches (the first evaluation is done). */
    public boolean ready() {
        return ready.get();
    }

    void run(String task, String arg) throws SchedulerException {
        switch (task) {
            case RULE_FIRED -> ruleFired(arg);
            case COLLECT -> runTarget(parseTarget(arg));
            case DEADLINE -> monitor.evaluateDue();
            case RECHECK -> recheck();
            case EVALUATE -> monitor.evaluateAll();
            default -> throw new IllegalArgumentException("unknown daemon task " + task);
        }
        rescheduleDeadline();
    }

    private void ruleFired(String rule) throws SchedulerException {
        Rule r = monitor.rules().rule(rule).orElse(null);
        if (r == null) {
            return; // removed by a reload while its trigger fired
        }
        for (Target t : targets()) {
            if (r.scope().reaches(t)) {
                pending.computeIfAbsent(t, k -> new Pending()).rules.add(rule);
                ensureRun(t);
            }
        }
    }

    private void recheck() throws SchedulerException {
        for (Map.Entry<Target, Map<String, Set<String>>> e : monitor.breaching(recheckChecks).entrySet()) {
            Pending p = pending.computeIfAbsent(e.getKey(), k -> new Pending());
            e.getValue().forEach((table, rules) -> p.recheck.computeIfAbsent(table, k -> ConcurrentHashMap.newKeySet())
                    .addAll(rules));
            ensureRun(e.getKey());
        }
    }

    /** Schedules the account-region's job once, a window from now, unless a run is already scheduled. */
    private void ensureRun(Target target) throws SchedulerException {
        Pending p = pending.get(target);
        if (!p.scheduled.compareAndSet(false, true)) {
            return;
        }
        JobKey key = JobKey.jobKey(target.toString(), TARGETS_GROUP);
        if (!scheduler.checkExists(key)) {
            scheduler.addJob(JobBuilder.newJob(DaemonJob.class).withIdentity(key).storeDurably()
                    .usingJobData(DaemonJob.TASK, COLLECT).usingJobData(DaemonJob.ARG, target.toString()).build(), true);
        }
        scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(key)
                .startAt(new Date(System.currentTimeMillis() + timing.window().toMillis()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build());
    }

    private void runTarget(Target target) {
        Pending p = pending.get(target);
        if (p == null) {
            return;
        }
        p.scheduled.set(false); // firings from now on schedule another run, which waits for this one
        Set<String> rules = drain(p.rules);
        Map<String, Set<String>> recheck = new HashMap<>();
        for (String table : Set.copyOf(p.recheck.keySet())) {
            Set<String> byRule = p.recheck.remove(table);
            byRule.removeAll(rules); // a full collection of the rule covers the table anyway
            if (!byRule.isEmpty()) {
                recheck.put(table, byRule);
            }
        }
        if (!rules.isEmpty()) {
            monitor.collect(target, rules);
        }
        if (!recheck.isEmpty()) {
            Set<String> recheckRules = new HashSet<>();
            recheck.values().forEach(recheckRules::addAll);
            monitor.recheck(target, recheck.keySet(), recheckRules);
        }
        if (!ready.get() && everyPairJudged() && ready.compareAndSet(false, true)) {
            LOG.info("first evaluation done: {} finding(s)", monitor.size());
        }
    }

    private boolean everyPairJudged() {
        for (Rule r : monitor.rules().rules()) {
            for (Target t : targets()) {
                if (r.scope().reaches(t) && !monitor.judged(r.name(), t)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Set<String> drain(Set<String> set) {
        Set<String> out = new HashSet<>();
        for (String s : Set.copyOf(set)) {
            if (set.remove(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Moves the deadline trigger to the earliest deadline of any finding, in the monitor's clock. Each move makes a
     * trigger of its own key: re-using one key from inside the firing job would let Quartz delete the new trigger
     * when the firing one completes.
     */
    void rescheduleDeadline() throws SchedulerException {
        synchronized (deadlineLock) {
            var next = monitor.nextDeadline();
            if (next.isEmpty()) {
                if (deadlineKey != null) {
                    scheduler.unscheduleJob(deadlineKey);
                    deadlineKey = null;
                }
                return;
            }
            // The monitor's clock may be a sandbox's, offset from the system clock Quartz runs on.
            long wait = Math.max(0, Duration.between(monitor.clock().instant(), next.get()).toMillis());
            Date at = new Date(System.currentTimeMillis() + Math.min(wait, Duration.ofDays(365).toMillis()));
            // Keep the trigger only if it already fires then: the same deadline moves in wall-clock time when the
            // monitor's clock is moved (a sandbox), so compare fire times, not deadlines.
            if (deadlineKey != null && deadlineAt != null && Math.abs(deadlineAt.getTime() - at.getTime()) < 50
                    && wait > 0 && scheduler.checkExists(deadlineKey)) {
                return;
            }
            TriggerKey key = TriggerKey.triggerKey(DEADLINE + "-" + deadlineSeq.incrementAndGet());
            scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(key).forJob(JobKey.jobKey(DEADLINE))
                    .startAt(at).withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withMisfireHandlingInstructionFireNow()).build());
            if (deadlineKey != null) {
                scheduler.unscheduleJob(deadlineKey);
            }
            deadlineKey = key;
            deadlineAt = at;
        }
    }

    /**
     * Puts a new rule set in force: the monitor swaps it in one step, rule triggers are replaced (removed rules'
     * jobs go, new ones come), and rules that are new or whose check or scope changed are collected at once.
     */
    public void reload(RuleSet next) throws SchedulerException {
        RuleSet previous = monitor.rules();
        Set<String> unchanged = new HashSet<>();
        for (Rule r : next.rules()) {
            previous.rule(r.name()).filter(old -> old.checkName().equals(r.checkName())
                    && old.scope().equals(r.scope())).ifPresent(old -> unchanged.add(r.name()));
        }
        monitor.replaceRules(next);
        targets = null; // the new scopes may reach other account-regions
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(RULES_GROUP))) {
            scheduler.deleteJob(key);
        }
        scheduleRules(next, unchanged);
        monitor.evaluateAll(); // changed params take effect now on the facts held
        rescheduleDeadline();
    }

    private void scheduleRules(RuleSet rules, Set<String> collectLater) throws SchedulerException {
        for (Rule rule : rules.rules()) {
            // Durable: a start-now trigger may fire and finish before the schedule trigger is added, and Quartz
            // deletes a non-durable job left without triggers. Reload deletes the rules' jobs itself.
            JobDetail job = JobBuilder.newJob(DaemonJob.class).withIdentity(rule.name(), RULES_GROUP).storeDurably()
                    .usingJobData(DaemonJob.TASK, RULE_FIRED).usingJobData(DaemonJob.ARG, rule.name()).build();
            TriggerBuilder<Trigger> t = TriggerBuilder.newTrigger().withIdentity(rule.name(), RULES_GROUP);
            if (!collectLater.contains(rule.name())) {
                // A new rule needs facts now; its schedule takes over after this first collection.
                scheduler.scheduleJob(job, t.startNow().build());
                t = TriggerBuilder.newTrigger().withIdentity(rule.name() + "/schedule", RULES_GROUP).forJob(job);
            } else {
                scheduler.addJob(job, true, true);
                t = t.forJob(job);
            }
            if (rule.schedule() != null && rule.schedule().cron() != null) {
                scheduler.scheduleJob(t.withSchedule(CronScheduleBuilder.cronSchedule(rule.schedule().cron())
                        .withMisfireHandlingInstructionFireAndProceed()).build());
            } else {
                Duration every = timing.interval(rule);
                scheduler.scheduleJob(t.startAt(new Date(System.currentTimeMillis() + every.toMillis()))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                                .repeatForever().withMisfireHandlingInstructionNowWithExistingCount()).build());
            }
        }
    }

    private void scheduleRepeating(String task, Duration every) throws SchedulerException {
        scheduler.scheduleJob(job(task, null), TriggerBuilder.newTrigger().withIdentity(task)
                .startAt(new Date(System.currentTimeMillis() + every.toMillis()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount()).build());
    }

    private static JobDetail job(String task, String arg) {
        JobBuilder b = JobBuilder.newJob(DaemonJob.class).withIdentity(task).storeDurably().usingJobData(DaemonJob.TASK, task);
        return (arg == null ? b : b.usingJobData(DaemonJob.ARG, arg)).build();
    }

    private List<Target> targets() {
        List<Target> known = targets;
        if (known == null) {
            try {
                known = monitor.targets();
                targets = known;
            } catch (RuntimeException e) {
                LOG.warn("could not determine the accounts and regions to audit (will try again): {}", e.getMessage());
                return List.of();
            }
        }
        return known;
    }

    private static Target parseTarget(String text) {
        int slash = text.indexOf('/');
        return new Target(text.substring(0, slash), text.substring(slash + 1));
    }

    /** Stops taking new work, lets running jobs finish for up to {@code grace}, then stops. */
    public void close(Duration grace) {
        try {
            scheduler.standby();
            Instant giveUp = Instant.now().plus(grace);
            while (!scheduler.getCurrentlyExecutingJobs().isEmpty() && Instant.now().isBefore(giveUp)) {
                Thread.sleep(50);
            }
            if (!scheduler.getCurrentlyExecutingJobs().isEmpty()) {
                LOG.warn("stopping with {} job(s) still running after {}", scheduler.getCurrentlyExecutingJobs().size(),
                        grace);
            }
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            LOG.warn("the scheduler did not stop cleanly: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(20));
    }
}
