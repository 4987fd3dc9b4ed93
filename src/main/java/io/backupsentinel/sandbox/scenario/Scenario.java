package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.sandbox.fault.FaultPlan;
import io.backupsentinel.sandbox.fault.SandboxGate;
import io.backupsentinel.sandbox.state.World;

/** A loaded scenario: the filled world and the faults and limits its file asks for. */
public record Scenario(World world, FaultPlan faults) {
    /** A gate that applies this scenario's faults; give it to {@code SandboxServer.setGate}. */
    public SandboxGate gate() {
        return SandboxGate.of(faults);
    }
}
