"""Saves a workbook with a password through LibreOffice's UNO API (the
command line's --convert-to cannot set one): the password-protected fixture.

    /usr/bin/python3 scripts/container-fixtures/encrypt.py IN OUT FILTER PASSWORD

FILTER is e.g. "Calc MS Excel 2007 XML" (xlsx) or "MS Excel 97" (xls).
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    src, out, filt, password = sys.argv[1:5]
    profile = tempfile.mkdtemp(prefix="jixiao-lo-")
    pipe = "jixiao_encrypt_%d" % os.getpid()
    office = subprocess.Popen([
        "soffice", "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
        "--accept=pipe,name=%s;urp;" % pipe,
    ])
    try:
        ctx = uno.getComponentContext()
        resolver = ctx.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", ctx)
        for _ in range(100):
            try:
                remote = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.3)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        doc.storeAsURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", filt), prop("Password", password)))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        office.wait(timeout=60)


main()
