"""The preview's build process: rebuilds run apart from the server, and a build process that dies
is an error the overlay shows, with the last good site still served."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from conftest import MakeSite
from preview_helpers import seed_post, wait_for

from masthead.serve.preview import Preview


def small_site(make_site: MakeSite) -> Path:
    return make_site({"content/blog/one.md": seed_post("One").replace("featuredImage:\n  src: /img/photo.jpg\n", "")})


def test_the_build_runs_in_a_process_of_its_own(make_site: MakeSite) -> None:
    site = small_site(make_site)
    preview = Preview(site)
    try:
        assert preview.process.pid is None  # started by the first update
        assert not preview.update().error
        pid = preview.process.pid
        assert pid is not None and pid != os.getpid()
        assert (preview.output / "blog/one/index.html").is_file()  # written by that process
        os.kill(pid, 0)  # alive
    finally:
        preview.close()
    assert preview.process.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # and gone with the preview


def test_a_build_process_killed_mid_build_is_an_error_and_the_last_good_site_stays(make_site: MakeSite) -> None:
    site = small_site(make_site)
    kill = {"armed": False}

    def after_stage(stage: str, seconds: float) -> None:
        pid = preview.process.pid
        if kill["armed"] and pid is not None:
            os.kill(pid, signal.SIGKILL)

    preview = Preview(site, hook=after_stage)
    try:
        assert not preview.update().error
        served = preview.served.folder
        assert served is not None and served.name == "1"
        (site / "content/blog/one.md").write_text(seed_post("One", "Second words.").replace("featuredImage:\n  src: /img/photo.jpg\n", ""))
        kill["armed"] = True  # the build process dies after its first stage, as the memory killer would
        died = preview.update()
        assert died.error.startswith("masthead: internal error: the build process ended with exit code -9")
        assert preview.served.folder == served and b"The opening paragraph." in (served / "blog/one/index.html").read_bytes()
        kill["armed"] = False
        wait_for(lambda: preview.process.pid is None)  # the reader saw it end
        again = preview.update()  # a new build process, numbering on from the generation served
        assert not again.error and again.build == 2
        folder = preview.served.folder
        assert folder is not None and folder.name == "2" and b"Second words." in (folder / "blog/one/index.html").read_bytes()
    finally:
        preview.close()
