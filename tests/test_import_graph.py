"""The project's own modules import each other without a cycle, not even a hidden one.

The graph is read from the source with `ast`: every `import` in a file counts, at the top
or inside a function, since an import moved into a function hides a cycle without
removing it. Migrations and tests are left out; every other module of every project
package is also imported for real, in a fresh interpreter, so none fails to load.
"""

import ast
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LEFT_OUT = {"tests", "migrations"}


def project_modules(root):
    """{dotted module name: (path, is_package)} for every project package under `root`."""
    modules = {}
    for init in sorted(root.glob("*/__init__.py")):
        if init.parent.name in LEFT_OUT:
            continue
        for path in sorted(init.parent.rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if LEFT_OUT.intersection(parts):
                continue
            is_package = parts[-1] == "__init__"
            name = ".".join(parts[:-1] if is_package else parts)
            modules[name] = (path, is_package)
    return modules


def _ancestors(name):
    """The packages a dotted name lies in, outermost first (`a.b.c` -> `a`, `a.b`)."""
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


def _imported_names(node, module, is_package):
    """The dotted names one import statement asks for (submodule candidates included)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = module
    if node.level:
        base = module if is_package else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            base = base.rpartition(".")[0]
        base = f"{base}.{node.module}" if node.module else base
    else:
        base = node.module
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def imported_names(path, module, is_package):
    """Every dotted name a file imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names.update(_imported_names(node, module, is_package))
    return names


def import_graph(modules):
    """{module: set of project modules it imports}; importing `a.b.c` also runs `a`, `a.b`."""
    graph = {}
    for module, (path, is_package) in modules.items():
        targets = imported_names(path, module, is_package)
        own = set(_ancestors(module))
        edges = set()
        for target in targets:
            for name in [*_ancestors(target), target]:
                if name in modules and name not in own:
                    edges.add(name)
        edges.discard(module)
        graph[module] = edges
    return graph


def cycles(graph):
    """Every group of modules that import each other, directly or through others (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = set()
            while not group or node not in group:
                group.add(stack.pop())
            on_stack.difference_update(group)
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_among_project_modules():
    graph = import_graph(project_modules(ROOT))

    assert "screening.models" in graph
    assert "clinic.views.queue" in graph
    assert cycles(graph) == []


def test_every_project_module_imports_in_a_fresh_interpreter():
    names = sorted(project_modules(ROOT))
    code = "import django, importlib\ndjango.setup()\n"
    code += "".join(f"importlib.import_module({name!r})\n" for name in names)

    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )

    assert done.returncode == 0, done.stderr[-3000:]


def test_product_bench_and_tools_import_no_test_code():
    importers = [
        module
        for module, (path, is_package) in project_modules(ROOT).items()
        if any(name.split(".")[0] == "tests" for name in imported_names(path, module, is_package))
    ]

    assert importers == []


def test_tests_import_helpers_from_factories_not_from_conftest():
    importers = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        names = imported_names(path, module, path.name == "__init__.py")
        if any(name.endswith(".conftest") or ".conftest." in name for name in names):
            importers.append(module)

    assert importers == []


def write_package(root, files):
    """Write a throwaway package tree: {relative path: source}."""
    for relative, source in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)


def test_a_cycle_hidden_inside_a_function_is_found(tmp_path):
    write_package(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/models.py": "from shop.querysets import Orders\n",
            "shop/querysets.py": "def paid():\n    from .models import PAID\n    return PAID\n",
            "shop/views.py": "from shop import models\n",
        },
    )

    found = cycles(import_graph(project_modules(tmp_path)))

    assert found == [["shop.models", "shop.querysets"]]


def test_a_package_that_imports_its_importer_is_a_cycle(tmp_path):
    write_package(
        tmp_path,
        {
            "rules/__init__.py": "from .engine import evaluate\n",
            "rules/engine.py": "from words import LABELS\n",
            "words/__init__.py": "from rules.engine import evaluate\n",
        },
    )

    found = cycles(import_graph(project_modules(tmp_path)))

    assert found == [["rules", "rules.engine", "words"]]
