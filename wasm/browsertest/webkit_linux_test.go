//go:build linux

package browsertest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
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

// webContentMemory returns the private memory (resident, not shared with
// other processes: RssAnon) of the WebKit web content process in the process
// group group, in bytes: the page's engine, its JavaScript and DOM heaps, the
// machine code compiled from the app and the app's WebAssembly memory
// together. WebKit gives a page no way to read its JavaScript heap (it has
// no performance.memory), so the test reads what the system counts.
func webContentMemory(group int) (int64, bool) {
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	var total int64
	found := false
	for _, p := range procs {
		stat, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid pgrp ...: comm may hold spaces, so read after its ")".
		s := string(stat)
		open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || end < open {
			continue
		}
		f := strings.Fields(s[end+1:])
		if len(f) < 3 || f[2] != strconv.Itoa(group) || !strings.HasPrefix(s[open+1:end], "WebKitWebProces") {
			continue
		}
		status, err := os.ReadFile(filepath.Join(filepath.Dir(p), "status"))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(status), "\n") {
			if kb, ok := strings.CutPrefix(line, "RssAnon:"); ok {
				n, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(kb), "kB")), 10, 64)
				if err == nil {
					total += n << 10
					found = true
				}
			}
		}
	}
	return total, found
}
