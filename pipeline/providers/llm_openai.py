"""The ad specification from an OpenAI (or OpenAI-compatible) chat model.

Configured by ``OPENAI_API_KEY``, ``OPENAI_BASE_URL`` (Ollama, vLLM, llama.cpp server, ...)
and ``ADSTUDIO_LLM_MODEL``. The flow of one ``enhance`` call:

1. Ask with structured outputs: the SDK's ``parse`` turns :class:`WireSpecification` into a
   strict ``json_schema`` response format. A server that answers 400/422 to that gets JSON
   mode (``json_object`` with the schema spelled out in the system prompt) from then on.
2. Validate the reply with the same models as the offline provider. Invalid or incomplete
   JSON, or JSON that breaks the contract, gets one repair attempt (the error is sent back),
   then a clear failure.
3. Cost = tokens used (all calls, the repair included) x ``settings.llm_prices``.

The raw response is read instead of the SDK's parsed one so that a reply which fails to parse
still yields its text (for the repair) and its token usage (for the cost).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, ClassVar

import openai
from openai.types.chat import ChatCompletionMessageParam
from pydantic import ValidationError

from pipeline.errors import ConfigError, ProviderError
from pipeline.logs import log_event
from pipeline.providers import LLMResult
from pipeline.providers.copywriting import read_prompt_facts
from pipeline.providers.openai_wire import (
    SYSTEM_PROMPT,
    WireSpecification,
    json_mode_instructions,
    to_specification,
)
from pipeline.secrets import redact
from pipeline.settings import Settings
from pipeline.spec import AdSpecification
from pipeline.stages.context import StageContext

STAGE = "llm_enhancement"
TEMPERATURE = 0.7


class _Unusable(Exception):
    """The reply cannot become an AdSpecification; the message says why (sent for repair)."""


@dataclass
class _Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0

    def add(self, usage: Any) -> None:
        self.calls += 1
        if isinstance(usage, dict):
            self.prompt_tokens += int(usage.get("prompt_tokens") or 0)
            self.completion_tokens += int(usage.get("completion_tokens") or 0)


def _strip_fences(text: str) -> str:
    """Drop a Markdown code fence some JSON-mode servers wrap the object in."""
    text = text.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        if text.rstrip().endswith("```"):
            text = text.rstrip()[:-3]
    return text.strip()


def _summarize(exc: ValidationError, limit: int = 6) -> str:
    parts = []
    for error in exc.errors()[:limit]:
        where = ".".join(str(p) for p in error["loc"]) or "the object"
        parts.append(f"{where}: {error['msg']}")
    more = len(exc.errors()) - limit
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


class OpenAIProvider:
    """LLM provider for OpenAI and OpenAI-compatible servers (``ADSTUDIO_LLM_PROVIDER=openai``)."""

    name: ClassVar[str] = "openai"

    def __init__(self, settings: Settings) -> None:
        key = settings.openai_api_key
        if key is None or not key.get_secret_value().strip():
            raise ConfigError(
                "The OpenAI LLM provider needs an API key. Set OPENAI_API_KEY (or add it to "
                ".streamlit/secrets.toml; any non-empty value for a local server), or use the "
                "offline creative director with ADSTUDIO_LLM_PROVIDER=offline."
            )
        self._settings = settings
        self._key = key
        self._model = settings.llm_model
        self._client = openai.OpenAI(
            api_key=key.get_secret_value(),
            base_url=settings.openai_base_url,
            timeout=settings.llm_timeout_s,
            max_retries=2,
        )
        host = self._client.base_url.host or ""
        self._official = host == "openai.com" or host.endswith(".openai.com")
        # Flipped once a server rejects json_schema; a benign race between threads.
        self._json_schema_ok = True

    # -- public -----------------------------------------------------------------------------

    def enhance(self, prompt: str, ctx: StageContext) -> LLMResult:
        """Turn ``prompt`` into a validated :class:`AdSpecification` and its cost."""
        usage = _Usage()
        conversation: list[ChatCompletionMessageParam] = [{"role": "user", "content": prompt}]
        ctx.check_cancelled()
        content = self._ask(conversation, usage, ctx)
        try:
            spec = self._parse(content, prompt)
        except _Unusable as first:
            ctx.check_cancelled()
            log_event(
                "llm_repair",
                f"{self._model}: reply unusable ({first}); asking once for a corrected one",
                level=logging.WARNING,
                stage=STAGE,
                generation_id=ctx.generation_id,
                model=self._model,
            )
            repair: list[ChatCompletionMessageParam] = [
                *conversation,
                {"role": "assistant", "content": content},
                {
                    "role": "user",
                    "content": f"That reply cannot be used: {first}. Reply again with the "
                    "complete, corrected JSON object only.",
                },
            ]
            content = self._ask(repair, usage, ctx)
            try:
                spec = self._parse(content, prompt)
            except _Unusable as second:
                raise ProviderError(
                    f"The LLM ({self._model}) did not return a usable ad specification, even "
                    f"after one repair attempt: {second}. Try again, choose another model with "
                    "ADSTUDIO_LLM_MODEL, or use ADSTUDIO_LLM_PROVIDER=offline.",
                    provider=self.name,
                ) from None
        cost = self._cost(usage)
        detail = f"{usage.prompt_tokens} prompt + {usage.completion_tokens} completion tokens"
        log_event(
            "llm_usage",
            f"{self._model}: {detail} in {usage.calls} call(s), ${cost:.4f}",
            stage=STAGE,
            generation_id=ctx.generation_id,
            model=self._model,
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            calls=usage.calls,
            cost=cost,
        )
        return LLMResult(specification=spec, cost=cost, model=self._model, detail=detail)

    # -- requests ---------------------------------------------------------------------------

    def _ask(
        self, conversation: list[ChatCompletionMessageParam], usage: _Usage, ctx: StageContext
    ) -> str:
        """One chat completion; returns the reply text (json_schema first, else JSON mode)."""
        completions = self._client.chat.completions.with_raw_response
        if self._json_schema_ok:
            try:
                raw = completions.parse(
                    model=self._model,
                    messages=[{"role": "system", "content": SYSTEM_PROMPT}, *conversation],
                    response_format=WireSpecification,
                    seed=ctx.seed,
                    temperature=TEMPERATURE,
                )
                return self._read(raw.http_response, usage)
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                self._json_schema_ok = False
                log_event(
                    "llm_json_mode_fallback",
                    f"{self._model}: server refused json_schema (HTTP {exc.status_code}: "
                    f"{self._clean(exc.message)}); using JSON mode",
                    level=logging.WARNING,
                    stage=STAGE,
                    generation_id=ctx.generation_id,
                    model=self._model,
                )
            except openai.APIError as exc:
                raise self._api_failure(exc) from None
        ctx.check_cancelled()
        system = SYSTEM_PROMPT + "\n\n" + json_mode_instructions()
        try:
            plain = completions.create(
                model=self._model,
                messages=[{"role": "system", "content": system}, *conversation],
                response_format={"type": "json_object"},
                seed=ctx.seed,
                temperature=TEMPERATURE,
            )
        except openai.APIError as exc:
            raise self._api_failure(exc) from None
        return self._read(plain.http_response, usage)

    def _read(self, response: Any, usage: _Usage) -> str:
        try:
            body = response.json()
        except ValueError:
            raise ProviderError(
                f"The LLM server at {self._client.base_url} did not answer with JSON. Check "
                "OPENAI_BASE_URL (it usually ends in /v1).",
                provider=self.name,
            ) from None
        usage.add(body.get("usage") if isinstance(body, dict) else None)
        choices = body.get("choices") if isinstance(body, dict) else None
        if not choices:
            return ""
        message = choices[0].get("message") or {}
        if message.get("refusal"):
            raise ProviderError(
                f"The LLM ({self._model}) declined to write this ad: "
                f"{self._clean(str(message['refusal']))}. Rephrase the prompt.",
                provider=self.name,
            )
        # A reply cut off at the token limit is incomplete JSON; the repair step handles it.
        return str(message.get("content") or "")

    def _parse(self, content: str, prompt: str) -> AdSpecification:
        text = _strip_fences(content)
        if not text:
            raise _Unusable("the reply was empty")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _Unusable(
                f"it is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
            ) from None
        try:
            wire = WireSpecification.model_validate(data)
            spec = to_specification(wire, prompt, self._settings.target_duration_s)
        except ValidationError as exc:
            raise _Unusable(f"it breaks the ad specification contract: {_summarize(exc)}") from None
        # The facts are read from the prompt by the same reader the offline director uses,
        # so every provider fills the same contract (the model writes the copy).
        return spec.model_copy(update={"facts": read_prompt_facts(prompt)})

    # -- money and errors -------------------------------------------------------------------

    def _cost(self, usage: _Usage) -> float:
        prices = self._settings.llm_prices
        price = prices.get(self._model)
        if price is None and self._official:
            price = prices.get("default")
        if price is None:  # a local or third-party server with no entry: not billed by us
            return 0.0
        rate_in, rate_out = price
        return round((usage.prompt_tokens * rate_in + usage.completion_tokens * rate_out) / 1e6, 8)

    def _clean(self, text: str) -> str:
        return redact(text, [self._key])[:200]

    def _api_failure(self, exc: openai.APIError) -> ProviderError:
        where = str(self._client.base_url)
        if isinstance(exc, openai.APITimeoutError):
            text = (
                f"The LLM at {where} did not answer within {self._settings.llm_timeout_s:g} s. "
                "Try again, or raise ADSTUDIO_LLM_TIMEOUT_S."
            )
            return ProviderError(text, provider=self.name, retryable=True)
        if isinstance(exc, openai.APIConnectionError):
            text = f"Could not reach the LLM at {where}. Check OPENAI_BASE_URL and the network."
            return ProviderError(text, provider=self.name, retryable=True)
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            # The server's own message can quote part of the key: leave it out.
            text = (
                f"The LLM server rejected the API key (HTTP {exc.status_code}). Check "
                "OPENAI_API_KEY, or use ADSTUDIO_LLM_PROVIDER=offline."
            )
            return ProviderError(text, provider=self.name)
        if isinstance(exc, openai.NotFoundError):
            text = (
                f"Model {self._model!r} was not found at {where}. Set ADSTUDIO_LLM_MODEL to a "
                "model that server offers."
            )
            return ProviderError(text, provider=self.name)
        if isinstance(exc, openai.RateLimitError):
            text = (
                "The LLM is rate limited or out of quota (HTTP 429). Try again in a minute, "
                "or check the account's billing."
            )
            return ProviderError(text, provider=self.name, retryable=True)
        status = getattr(exc, "status_code", None)
        text = f"The LLM request failed (HTTP {status}): {self._clean(exc.message)}."
        return ProviderError(
            text, provider=self.name, retryable=status is not None and status >= 500
        )
