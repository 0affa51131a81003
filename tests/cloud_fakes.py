"""Fakes of the OpenAI and Replicate HTTP APIs, for the real SDK clients to talk to (Pexels:
``tests/pexels_fake.py``).

Fixtures that start them live in ``tests/cloud_servers.py``.
The fakes queue replies (``enqueue_*``) or follow a per-model script and keep a ``history``
of what the SDKs sent, so tests assert on real requests; nothing in an SDK is patched.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from pipeline.providers import ClipRequest
from pipeline.spec import AdSpec, BrandGuidelines, Scene

OPENAI_KEY = "sk-test-OPENAI-k3y-do-not-log-0123456789"
REPLICATE_TOKEN = "r8_test-REPLICATE-t0ken-do-not-log-98765"


# -- requests --------------------------------------------------------------------------------


def clip_request(
    index: int = 0, duration_s: float = 3.0, width: int = 180, height: int = 320
) -> ClipRequest:
    """A request for one scene; small frames keep the conform step fast."""
    beats = ("attention", "interest", "desire", "action")
    return ClipRequest(
        scene=Scene(
            index=index,
            scene_type=beats[index % 4],  # type: ignore[arg-type]
            duration_s=duration_s,
            visual_prompt="A runner laces bright shoes on a rainy city street at dawn",
        ),
        brand=BrandGuidelines(
            brand_name="Stride",
            primary_color="#0B1F3A",
            secondary_color="#F2A900",
            accent_color="#E63946",
            tone="bold and encouraging",
        ),
        ad=AdSpec(
            product="Stride running shoes",
            product_category="sportswear",
            target_audience="city runners aged 20-40",
            mood="energetic",
            visual_style="vibrant",
            key_benefits=["light", "grippy in the rain"],
            call_to_action="Shop now",
        ),
        width=width,
        height=height,
        fps=24,
        seed=7,
    )


# -- OpenAI --------------------------------------------------------------------------------


def wire_spec(framework: str = "AIDA", **changes: Any) -> dict[str, Any]:
    """A reply an LLM could give: valid against the wire model unless ``changes`` break it."""
    beats = {
        "AIDA": ("attention", "interest", "desire", "action"),
        "PAS": ("problem", "agitate", "solution", "cta"),
        "BAB": ("before", "after", "bridge", "cta"),
    }[framework]
    data: dict[str, Any] = {
        "language": "en",
        "framework": framework,
        "framework_reason": "A new product that must first win attention.",
        "brand": {
            "brand_name": "Stride",
            "primary_color": "#0B1F3A",
            "secondary_color": "#F2A900",
            "accent_color": "#E63946",
            "text_color": "#FFFFFF",
            "font_style": "condensed",
            "tone": "bold and encouraging",
        },
        "ad": {
            "product": "Stride running shoes",
            "product_category": "sportswear",
            "target_audience": "city runners aged 20-40",
            "platform": "instagram",
            "mood": "energetic",
            "visual_style": "vibrant",
            "key_benefits": ["light", "grippy in the rain"],
            "offer": None,
            "call_to_action": "Shop now",
        },
        "beats": [
            {"beat": b, "headline": f"Headline {i + 1}", "visual": f"Shot {i + 1} of the runner"}
            for i, b in enumerate(beats)
        ],
    }
    data.update(changes)
    return data


@dataclass
class FakeOpenAI:
    """``/v1/chat/completions`` answering from a queue; ``history`` holds request bodies."""

    server: HTTPServer
    replies: deque[Response] = field(default_factory=deque)
    history: list[dict[str, Any]] = field(default_factory=list)
    model: str = "gpt-4o-2024-08-06"

    def __post_init__(self) -> None:
        self.server.expect_request("/v1/chat/completions", method="POST").respond_with_handler(
            self._handle
        )

    @property
    def base_url(self) -> str:
        return self.server.url_for("/v1")

    def enqueue_content(
        self,
        content: str,
        prompt_tokens: int = 1200,
        completion_tokens: int = 600,
        finish_reason: str = "stop",
    ) -> None:
        body = {
            "id": f"chatcmpl-{len(self.replies) + len(self.history)}",
            "object": "chat.completion",
            "created": 1_700_000_000,
            "model": self.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": None},
                    "finish_reason": finish_reason,
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
        self.replies.append(Response(json.dumps(body), 200, content_type="application/json"))

    def enqueue_spec(self, data: dict[str, Any] | None = None, **usage: int) -> None:
        self.enqueue_content(json.dumps(data or wire_spec()), **usage)

    def enqueue_error(self, status: int, message: str, kind: str = "invalid_request_error") -> None:
        body = {"error": {"message": message, "type": kind, "param": None, "code": None}}
        self.replies.append(Response(json.dumps(body), status, content_type="application/json"))

    def _handle(self, request: Request) -> Response:
        self.history.append(request.get_json())
        if not self.replies:
            return Response('{"error": {"message": "no reply queued"}}', 500)
        return self.replies.popleft()


# -- Replicate -----------------------------------------------------------------------------


@dataclass
class ModelScript:
    """How one model behaves: HTTP errors on create, then a prediction's life."""

    create_errors: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    poll_errors: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    polls: int = 2  # GETs answered "processing" before the final status
    final: str | None = "succeeded"  # None: never finishes
    error: str | None = None
    output: str = "/files/clip.mp4"  # a path on this server, or a full URL
    predict_time: float = 41.5
    finish_after_creates: int = 0  # hold every prediction until this many were created


@dataclass
class _Prediction:
    id: str
    model: str
    input: dict[str, Any]
    script: ModelScript
    gets: int = 0
    status: str = "starting"


class FakeReplicate:
    """The Replicate HTTP API for models, predictions, cancel, and output file downloads."""

    def __init__(self, server: HTTPServer, video: bytes) -> None:
        self.server = server
        self.scripts: dict[str, ModelScript] = {}
        self.predictions: dict[str, _Prediction] = {}
        self.history: list[dict[str, Any]] = []  # method, path, json, headers, at
        self.files: dict[str, tuple[bytes, str, bool]] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._chaos: tuple[float, random.Random] | None = None
        self.serve_file("/files/clip.mp4", video)
        server.expect_request(re.compile(r"^/(v1|files)/.*")).respond_with_handler(self._handle)

    @property
    def base_url(self) -> str:
        return self.server.url_for("/").rstrip("/")

    def script(self, model: str, **kwargs: Any) -> ModelScript:
        self.scripts[model] = ModelScript(**kwargs)
        return self.scripts[model]

    def chaos(self, rate: float, seed: int = 0) -> None:
        """From now on answer a seeded ``rate`` of all requests with 503 or 429 (transient)."""
        self._chaos = (rate, random.Random(seed))

    def serve_file(
        self, path: str, data: bytes, content_type: str = "video/mp4", chunked: bool = False
    ) -> None:
        """Serve ``data`` at ``path``; ``chunked`` sends no Content-Length."""
        self.files[path] = (data, content_type, chunked)

    def requests(self, method: str, pattern: str) -> list[dict[str, Any]]:
        with self._lock:
            return [
                r for r in self.history if r["method"] == method and re.search(pattern, r["path"])
            ]

    def creates(self, model: str) -> list[dict[str, Any]]:
        return self.requests("POST", f"^/v1/models/{re.escape(model)}/predictions$")

    def cancels(self) -> list[str]:
        return [r["path"].split("/")[3] for r in self.requests("POST", r"/cancel$")]

    # -- wire --------------------------------------------------------------------------------

    def _handle(self, request: Request) -> Response:
        body = request.get_json(silent=True) if request.method == "POST" else None
        with self._lock:
            self.history.append(
                {
                    "method": request.method,
                    "path": request.path,
                    "json": body,
                    "headers": dict(request.headers),
                    "at": time.monotonic(),
                }
            )
        if self._chaos is not None and not request.path.endswith("/cancel"):
            rate, rng = self._chaos
            with self._lock:
                roll, status = rng.random(), rng.choice((503, 429))
            if roll < rate:
                return self._problem(status, "Transient trouble", "", {"Retry-After": "0"})
        if request.path.startswith("/files/"):
            return self._file(request.path)
        if m := re.fullmatch(r"/v1/models/([^/]+/[^/]+)/predictions", request.path):
            return self._create(m.group(1), (body or {}).get("input", {}))
        if m := re.fullmatch(r"/v1/predictions/([^/]+)/cancel", request.path):
            return self._cancel(m.group(1))
        if m := re.fullmatch(r"/v1/predictions/([^/]+)", request.path):
            return self._get(m.group(1))
        return self._problem(404, "Not found")

    def _create(self, model: str, model_input: dict[str, Any]) -> Response:
        script = self.scripts.get(model)
        if script is None:
            return self._problem(404, "Model not found", f"No model {model}")
        if script.create_errors:
            status, headers = script.create_errors.pop(0)
            return self._problem(status, "Server trouble", "try later", headers)
        prediction = _Prediction(f"pred{next(self._ids)}", model, model_input, script)
        self.predictions[prediction.id] = prediction
        return self._json(self._prediction_json(prediction), 201)

    def _get(self, pid: str) -> Response:
        prediction = self.predictions.get(pid)
        if prediction is None:
            return self._problem(404, "Not found")
        if prediction.script.poll_errors:
            status, headers = prediction.script.poll_errors.pop(0)
            return self._problem(status, "Server trouble", "try later", headers)
        if prediction.status not in ("succeeded", "failed", "canceled"):
            prediction.gets += 1
            prediction.status = "processing"
            script = prediction.script
            created = sum(1 for p in self.predictions.values() if p.model == prediction.model)
            if (
                script.final is not None
                and prediction.gets > script.polls
                and created >= script.finish_after_creates
            ):
                prediction.status = script.final
        return self._json(self._prediction_json(prediction))

    def _cancel(self, pid: str) -> Response:
        prediction = self.predictions.get(pid)
        if prediction is None:
            return self._problem(404, "Not found")
        prediction.status = "canceled"
        return self._json(self._prediction_json(prediction))

    def _file(self, path: str) -> Response:
        if path not in self.files:
            return Response("missing", 404)
        data, content_type, chunked = self.files[path]
        if chunked:
            chunks = [data[i : i + 65536] for i in range(0, len(data), 65536)]
            return Response(iter(chunks), 200, content_type=content_type, direct_passthrough=True)
        return Response(data, 200, content_type=content_type)

    def _prediction_json(self, p: _Prediction) -> dict[str, Any]:
        done = p.status == "succeeded"
        output = p.script.output
        if done and output.startswith("/"):
            output = self.server.url_for(output)
        return {
            "id": p.id,
            "model": p.model,
            "version": "hidden",
            "input": p.input,
            "logs": "",
            "output": output if done else None,
            "data_removed": False,
            "error": p.script.error if p.status == "failed" else None,
            "status": p.status,
            "created_at": "2025-01-01T00:00:00.000Z",
            "started_at": None if p.status == "starting" else "2025-01-01T00:00:01.000Z",
            "completed_at": "2025-01-01T00:00:42.000Z" if done else None,
            "metrics": {"predict_time": p.script.predict_time} if done else {},
            "urls": {
                "get": self.server.url_for(f"/v1/predictions/{p.id}"),
                "cancel": self.server.url_for(f"/v1/predictions/{p.id}/cancel"),
            },
        }

    @staticmethod
    def _json(data: dict[str, Any], status: int = 200) -> Response:
        return Response(json.dumps(data), status, content_type="application/json")

    @staticmethod
    def _problem(
        status: int, title: str, detail: str = "", headers: dict[str, str] | None = None
    ) -> Response:
        body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
        return Response(
            json.dumps(body), status, headers=headers, content_type="application/problem+json"
        )
