"""Steps shared by the browser tests."""
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def login(page, live_server, username="sekreterare", password="hemligt-lösen-1"):
    page.goto(f"{live_server.url}/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(f"{live_server.url}/")


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def axe_problems(page, urls):
    """Serious and critical axe-core violations on each page (an empty list is a pass)."""
    from axe_playwright_python.sync_playwright import Axe

    axe, problems = Axe(), []
    for url in urls:
        page.goto(url)
        results = axe.run(page)
        assert results.response["passes"], f"axe ran no checks on {url}"
        problems += [f"{url}: {v['id']} – {v['help']} ({len(v['nodes'])} st)"
                     for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    return problems
