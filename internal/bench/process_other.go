//go:build !linux

package bench

import "syscall"

// childAttr puts a server in its own process group, so that Ctrl-C reaches only
// the benchmark, which stops the servers itself.
func childAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }
