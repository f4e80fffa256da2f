//go:build linux

package browsertest

import (
	"os/exec"
	"syscall"
)

// dieWithTest makes the process cmd starts die with the test process, even
// when the test process is killed and its clean-ups never run (a timeout, a
// kill -9), and puts it in a process group of its own, which stopGroup ends.
// Without a display of their own, the browsers WebKitWebDriver starts end
// with Xvfb.
func dieWithTest(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// stopGroup kills the process cmd started and every process it started in
// turn (WebKitWebDriver starts the browser, which starts its own processes),
// and waits for the first.
func stopGroup(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	_ = cmd.Wait()
}
