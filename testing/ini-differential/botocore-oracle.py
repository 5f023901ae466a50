"""botocore's own reading of many ini texts in one process (the oracle for electron/core/ini).

stdin: a JSON array of texts. stdout: a JSON array, one result per text:
  {"ok": true, "raw": raw_config_parse(...), "loaded": {"profiles", "sso_sessions", "services"}}
  {"ok": false, "error": "<configparser/botocore error class>", "lines": [1-based line numbers]}
Each text is written as UTF-8 bytes to a temporary file and read by botocore exactly as the AWS CLI does.
Run with PYTHONPATH=/usr/lib/python3/dist-packages/awscli and /usr/bin/python3.
"""
import json
import os
import shlex
import sys
import tempfile

from botocore.configloader import build_profile_map, raw_config_parse
from botocore.exceptions import ConfigParseError


def services_of(final_config):
    # Newer botocore files [services NAME] under "services" with the same shlex rule as profiles;
    # the botocore shipped with the Debian awscli leaves them as top-level keys, so derive them here.
    services = {}
    for key, values in final_config.items():
        if key.startswith("services"):
            try:
                parts = shlex.split(key)
            except ValueError:
                continue
            if len(parts) == 2:
                services[parts[1]] = values
    return services


def error_lines(cause):
    if cause is None:
        return []
    if hasattr(cause, "errors"):  # ParsingError: every bad line
        return [lineno for lineno, _ in cause.errors]
    lineno = getattr(cause, "lineno", None)
    return [lineno] if lineno is not None else []


def read_one(path):
    try:
        raw = raw_config_parse(path)
    except ConfigParseError as error:
        cause = error.__context__
        name = type(cause).__name__ if cause is not None else "ConfigParseError"
        if isinstance(cause, ValueError) and not hasattr(cause, "lineno"):
            name = "SubSectionError"
        return {"ok": False, "error": name, "lines": error_lines(cause)}
    final = build_profile_map(raw)
    loaded = {"profiles": final["profiles"], "sso_sessions": final["sso_sessions"], "services": services_of(final)}
    return {"ok": True, "raw": raw, "loaded": loaded}


def main():
    texts = json.load(sys.stdin)
    results = []
    # A RAM-backed folder where there is one: thousands of tiny rewrites on a busy disk take seconds.
    ram = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(dir=ram) as folder:
        path = os.path.join(folder, "config")
        for text in texts:
            with open(path, "wb") as f:
                f.write(text.encode("utf-8", "surrogatepass"))
            results.append(read_one(path))
    json.dump(results, sys.stdout)


main()
