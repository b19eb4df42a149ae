"""Look at report pages as a reader would: headless Chromium (the system's), driven by Selenium.

:func:`inspect_page` opens a page with the network switched off and reports what a reader
sees: whether it loaded, how many figures were drawn (images decoded, with a size), which
table cells and paragraphs hold Arabic and in which direction the browser lays them out,
whether any code is shown, and a screenshot.  The tests of the report use it; so can you::

    python -m analysis.browser build/report/03_sources_cited.html --screenshot shot.png
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

#: Where Debian and Ubuntu put Chromium and its driver (``apt-get install chromium chromium-driver``).
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
DRIVER_CANDIDATES = ("chromedriver",)

_INSPECT_JS = """
const arabic = /[\\u0600-\\u06FF]/;
const images = Array.from(document.images);
const cells = Array.from(document.querySelectorAll('td, th, p, li')).filter(e => arabic.test(e.textContent));
const firstStrongArabic = e => {
  const m = e.textContent.match(/[A-Za-z\\u0600-\\u06FF]/);
  return m !== null && arabic.test(m[0]);
};
const arabicFirst = cells.filter(firstStrongArabic);
return {
  title: document.title,
  images: images.length,
  drawn: images.filter(i => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 50).length,
  arabic_blocks: arabicFirst.length,
  rtl_blocks: arabicFirst.filter(e => getComputedStyle(e).direction === 'rtl').length,
  code_cells: document.querySelectorAll('.jp-CodeCell .jp-InputArea').length,
  text_length: document.body.innerText.length,
};
"""


def find_browser() -> tuple[str, str] | None:
    """``(chromium, chromedriver)`` paths, or None where either is missing."""
    browser = next((shutil.which(name) for name in CHROMIUM_CANDIDATES if shutil.which(name)), None)
    driver = next((shutil.which(name) for name in DRIVER_CANDIDATES if shutil.which(name)), None)
    return (browser, driver) if browser and driver else None


def inspect_page(page: str | Path, *, screenshot: str | Path | None = None, width: int = 1200,
                 height: int = 1600) -> dict:
    """Open ``page`` in headless Chromium without network access and say what a reader sees.

    Parameters
    ----------
    page : str or Path
        An HTML file.
    screenshot : str or Path, optional
        Write a PNG of the top of the page (``width`` x ``height`` pixels).

    Returns
    -------
    dict
        ``title``, ``images`` and ``drawn`` (images decoded and shown), ``arabic_blocks``
        (cells and paragraphs whose first letter is Arabic) and ``rtl_blocks`` (those the
        browser lays out right to left), ``code_cells``, ``text_length``.

    Raises
    ------
    RuntimeError
        Where Chromium or its driver is not installed.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_browser()
    if found is None:
        raise RuntimeError("headless Chromium not found: install the system's chromium and chromium-driver "
                           "(Debian/Ubuntu: apt-get install chromium chromium-driver)")
    browser, driver_path = found
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--proxy-server=127.0.0.1:9",   # no network
                     "--proxy-bypass-list=<-loopback>"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        driver.get(Path(page).resolve().as_uri())
        facts = driver.execute_script(_INSPECT_JS)
        if screenshot is not None:
            driver.save_screenshot(str(screenshot))
        return facts
    finally:
        driver.quit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.browser", description=__doc__.split("\n")[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--screenshot", type=Path, default=None)
    args = parser.parse_args(argv)
    print(json.dumps(inspect_page(args.page, screenshot=args.screenshot), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
