# test/lit/lit.cfg.py: lit configuration for hpmoe's FileCheck tests (`lit-22 -sv test/lit`).
#
# RUN lines read like upstream MLIR's: `hpmoe-opt`, `mlir-opt`, `FileCheck`, `not` and
# `split-file` are substituted with the repository's CLI and Debian's LLVM 22 tools. Tools are
# matched as whole words only, so `--check-prefix=NOT` or a path containing `not` is left alone.
#
# Parameters (lit-22 --param NAME=VALUE):
#   hpmoe_opt=CMD  command that `hpmoe-opt` stands for (default: node <repo>/dist/src/cli/hpmoe-opt.js).
#                  `--param hpmoe_opt=mlir-opt-22` checks the tests themselves against the reference.
#   llvm_suffix=S  suffix of the LLVM tools (default: -22).

import os
import shlex
import shutil

import lit.formats

config.name = "hpmoe"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir"]
config.excludes = ["Inputs", "Output", "lit.cfg.py", "README.md"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))
# Per-test scratch files (%t) land in <dir>/Output/ next to the tests; .gitignore covers them.
config.test_exec_root = config.test_source_root

repo_root = os.path.dirname(os.path.dirname(config.test_source_root))
suffix = lit_config.params.get("llvm_suffix", "-22")
node = shutil.which("node") or "node"
hpmoe_opt = lit_config.params.get(
    "hpmoe_opt",
    "%s %s" % (shlex.quote(node), shlex.quote(os.path.join(repo_root, "dist", "src", "cli", "hpmoe-opt.js"))),
)


def tool(name):
    """A pattern matching `name` as a command word: not inside a longer name, path or flag."""
    return r"(?<![\w./=-])" + name.replace("-", r"\-") + r"(?![\w.-])"


# Order matters: `hpmoe-opt` and `mlir-opt` before anything shorter that they contain.
config.substitutions.append((tool("hpmoe-opt"), hpmoe_opt))
config.substitutions.append((tool("mlir-opt"), "mlir-opt" + suffix))
config.substitutions.append((tool("FileCheck"), "FileCheck" + suffix))
config.substitutions.append((tool("split-file"), "split-file" + suffix))
config.substitutions.append((tool("not"), "not" + suffix))

# lit starts tests with a clean environment; keep PATH (node, the LLVM tools) and NODE_OPTIONS.
for var in ["PATH", "NODE_OPTIONS", "HOME"]:
    if var in os.environ:
        config.environment[var] = os.environ[var]
