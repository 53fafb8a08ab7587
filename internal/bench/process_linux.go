package bench

import "syscall"

// childAttr puts a server in its own process group, so that Ctrl-C reaches only
// the benchmark (which then stops the servers after it has measured them), and
// has the kernel kill it if the benchmark dies without cleaning up.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
