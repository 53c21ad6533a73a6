"""Import hygiene and the README's promises."""

import subprocess
import sys

from .conftest import ROOT


def test_import_is_light():
    code = (
        "import sys, corpusstats;"
        "heavy = [m for m in ('matplotlib', 'jupyter', 'jupyterlab', 'IPython', 'dask', 'nltk', 'PIL',"
        " 'corpusstats.dates', 'hijridate') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_public_api_is_listed():
    import corpusstats

    for name in corpusstats.__all__:
        assert hasattr(corpusstats, name), name


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:1500]
    assert "make figures" in head and "make test" in head
    assert "make test" in (ROOT / ".ci" / "run").read_text()
