//go:build !linux && !js

package browsertest

import "os/exec"

// dieWithTest would make the process cmd starts die with the test process;
// outside Linux there is no parent-death signal, and the clean-ups stop it.
func dieWithTest(cmd *exec.Cmd) {}

// stopGroup kills the process cmd started and waits for it.
func stopGroup(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
}
