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

// webContentMemory would return the resident memory of WebKit's web content
// process; outside Linux the test does not look for it.
func webContentMemory(group int) (int64, bool) { return 0, false }
