"""The apps stay layered (PRODUCT.md): each imports only the apps below it,
at the top of its modules, so nobody hides a circle inside a function."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
APPS = ("portal", "locations", "inquiries", "approaches", "blog", "sitesearch", "translations")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def project_modules():
    for app in APPS:
        for path in sorted((REPO / app).rglob("*.py")):
            relative = path.relative_to(REPO)
            # Django imports these itself at times when models are not ready.
            if path.name == "apps.py" or "migrations" in relative.parts or "commands" in relative.parts:
                continue
            yield relative


def function_local_imports(source):
    """(line, module) of every import of a project module inside a function."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import):
                names = [alias.name for alias in inner.names]
            elif isinstance(inner, ast.ImportFrom):
                names = ["." * inner.level + (inner.module or "")]
            else:
                continue
            found += [(inner.lineno, name) for name in names
                      if name.startswith(".") or name.split(".")[0] in APPS]
    return found


def test_no_module_imports_project_code_inside_a_function():
    hidden = [
        f"{path}:{line} imports {module}"
        for path in project_modules()
        for line, module in function_local_imports((REPO / path).read_text())
    ]
    assert not hidden, "import at module level (or move the code to the right layer):\n" + "\n".join(hidden)


def test_the_checker_sees_an_import_inside_a_function():
    source = "def ready():\n    from inquiries.models import Inquiry\n    import os\n"
    assert function_local_imports(source) == [(2, "inquiries.models")]


def lint_imports(root):
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, capture_output=True, text=True, timeout=120)


def test_every_app_imports_only_the_layers_below_it():
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "module, upward_import, complaint",
    [
        ("locations/hours.py", "import inquiries.models", "locations is not allowed to import inquiries"),
        ("portal/hreflang.py", "from locations import finder", "portal is not allowed to import locations"),
        ("inquiries/emails.py", "import approaches", "inquiries is not allowed to import approaches"),
        ("blog/models.py", "import inquiries", "blog is not allowed to import inquiries"),
    ],
)
def test_an_upward_import_breaks_the_contract(tmp_path, module, upward_import, complaint):
    for app in APPS:
        shutil.copytree(REPO / app, tmp_path / app, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    with open(tmp_path / module, "a") as changed:
        changed.write(f"\n{upward_import}\n")

    result = lint_imports(tmp_path)

    assert result.returncode != 0
    assert complaint in result.stdout
