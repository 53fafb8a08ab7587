package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// opaModule is the module whose main package is the opa command.
const opaModule = "github.com/open-policy-agent/opa"

// goCmd runs the go command in the repository and returns its output; on
// failure the error carries what it printed.
func goCmd(ctx context.Context, repo string, env []string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, strings.TrimSpace(out.String()))
	}
	return out.String(), nil
}

// OPAVersion is the version of the OPA module the repository requires (go.mod).
func OPAVersion(ctx context.Context, repo string) (string, error) {
	out, err := goCmd(ctx, repo, nil, "list", "-m", "-f", "{{.Version}}", opaModule)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// BuildOPA builds the opa command of the version the repository uses into dir
// and returns its path. Inside the module it resolves the exact version from
// go.mod; where go.sum lacks the command's own dependencies (the CLI needs more
// than the library Styring imports) it builds opa@VERSION in module mode from
// the module proxy instead, which is the same source and the dependency
// versions of OPA's own go.mod, as a release build has them.
func BuildOPA(ctx context.Context, repo, dir string, log io.Writer) (string, error) {
	bin := filepath.Join(dir, "opa")
	if _, err := goCmd(ctx, repo, nil, "build", "-o", bin, opaModule); err == nil {
		return bin, nil
	}
	version, err := OPAVersion(ctx, repo)
	if err != nil {
		return "", err
	}
	progress(log, "  opa is not buildable from go.sum alone; go install %s@%s (module proxy)\n", opaModule, version)
	if _, err := goCmd(ctx, repo, []string{"GOBIN=" + dir}, "install", opaModule+"@"+version); err != nil {
		return "", err
	}
	return bin, nil
}

// BuildStyring builds the two commands of the repository into dir in one go
// build and returns their paths: styring (./cmd/styring, the server measured,
// which also creates the token) and styring-bench (./cmd/styring-bench, whose
// serve-limit subcommand is the limit server). Both are compiled binaries of
// the repository as it is, the limit as much as the server it is the limit of.
func BuildStyring(ctx context.Context, repo, dir string) (styring, styringBench string, err error) {
	if _, err := goCmd(ctx, repo, nil, "build", "-o", dir+string(filepath.Separator), "./cmd/styring", "./cmd/styring-bench"); err != nil {
		return "", "", err
	}
	return filepath.Join(dir, "styring"), filepath.Join(dir, "styring-bench"), nil
}

// module is the path of Styring's module, as its go.mod declares it.
const module = "github.com/baerum/styring"

// ModuleRoot finds the Styring module from dir up: the benchmark builds it and
// reads its policies and examples from there.
func ModuleRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		raw, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.Contains(string(raw), "module "+module+"\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run it inside the Styring repository (no go.mod of " + module + " here or above)")
		}
		dir = parent
	}
}

// BinaryVersion runs "BIN version" and returns the line that names the version.
func BinaryVersion(ctx context.Context, bin string) (string, error) {
	out, err := exec.CommandContext(ctx, bin, "version").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%s version: %w", bin, err)
	}
	for line := range strings.SplitSeq(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "Version:"); ok {
			return strings.TrimSpace(v), nil
		}
	}
	return strings.TrimSpace(string(out)), nil
}
