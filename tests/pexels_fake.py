"""A fake of the Pexels video search API and a file host for its links, for the real HTTP
client to talk to (fixtures in ``tests/cloud_servers.py``; OpenAI and Replicate are in
``tests/cloud_fakes.py``)."""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

# -- Pexels ----------------------------------------------------------------------------------

PEXELS_KEY = "pexels-test-KEY-do-not-log-24680"


class FakePexels:
    """The Pexels video search API (``/videos/search``) and a file host for its links.

    ``add_video`` puts a video in the catalogue (every search returns the catalogue in
    order); ``fail_next`` queues error statuses for the next searches. Every reply carries
    the X-Ratelimit-Limit / -Remaining / -Reset headers; ``history`` records each request.
    """

    def __init__(self, server: HTTPServer, video: bytes) -> None:
        self.server = server
        self.video = video
        self.catalogue: list[dict[str, Any]] = []
        self.failures: deque[tuple[int, dict[str, str]]] = deque()
        self.files: dict[str, tuple[bytes, str]] = {}
        self.history: list[dict[str, Any]] = []
        self.remaining = 200
        self._lock = threading.Lock()
        server.expect_request(re.compile(r"^/(videos|cdn)/.*")).respond_with_handler(self._handle)

    @property
    def base_url(self) -> str:
        return self.server.url_for("/").rstrip("/")

    def add_video(
        self, video_id: int, *, width: int = 360, height: int = 640, duration: int = 8,
        author: str = "Ana Lens", content_type: str = "video/mp4", data: bytes | None = None,
    ) -> None:  # fmt: skip
        """A catalogue entry with an SD and an HD file (both served from ``/cdn/``)."""
        path = f"/cdn/{video_id}.mp4"
        self.files[path] = (self.video if data is None else data, content_type)
        files = [
            {"id": video_id * 10 + k, "quality": q, "file_type": "video/mp4", "width": w,
             "height": h, "fps": 25, "link": self.server.url_for(path)}
            for k, (q, w, h) in enumerate((("sd", width, height), ("hd", width * 3, height * 3)))
        ]  # fmt: skip
        self.catalogue.append({
            "id": video_id, "width": width, "height": height, "duration": duration,
            "url": f"https://www.pexels.com/video/clip-{video_id}/", "image": "",
            "user": {"id": 7, "name": author, "url": "https://www.pexels.com/@ana"},
            "video_files": files, "video_pictures": [],
        })  # fmt: skip

    def fail_next(self, status: int, **headers: str) -> None:
        self.failures.append((status, headers))

    def searches(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r for r in self.history if r["path"] == "/videos/search"]

    def downloads(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r for r in self.history if r["path"].startswith("/cdn/")]

    def _handle(self, request: Request) -> Response:
        with self._lock:
            self.history.append({"path": request.path, "args": dict(request.args),
                                 "headers": dict(request.headers)})  # fmt: skip
        if request.path.startswith("/cdn/"):
            data, kind = self.files.get(request.path, (b"", ""))
            if not data:
                return Response(status=404)
            return Response(data, content_type=kind)
        limits = {"X-Ratelimit-Limit": "200", "X-Ratelimit-Reset": str(int(time.time()) + 3600)}
        if request.headers.get("Authorization") != PEXELS_KEY:
            return Response(json.dumps({"error": "unauthorized"}), status=401,
                            content_type="application/json")  # fmt: skip
        with self._lock:
            failure = self.failures.popleft() if self.failures else None
            if failure is None:
                self.remaining -= 1
            remaining = str(self.remaining)
        if failure is not None:
            status, extra = failure
            return Response(json.dumps({"error": "slow down"}), status=status,
                            headers={**limits, "X-Ratelimit-Remaining": "0", **extra},
                            content_type="application/json")  # fmt: skip
        body = {"page": 1, "per_page": 15, "total_results": len(self.catalogue),
                "videos": self.catalogue, "url": "https://www.pexels.com/search/"}  # fmt: skip
        return Response(json.dumps(body), content_type="application/json",
                        headers={**limits, "X-Ratelimit-Remaining": remaining})  # fmt: skip
