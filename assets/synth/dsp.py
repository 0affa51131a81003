"""Signal building blocks: envelopes, oscillators, FFT filters, reverb, loudness, limiter.

Signals are float64 numpy arrays at :data:`SR`; stereo is shape ``(n, 2)``. Every envelope
starts and ends at exactly zero with a smooth curve, so notes never click at their edges.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

SR = 48_000
Array = np.ndarray


def n_of(seconds: float) -> int:
    """Number of samples in ``seconds``."""
    return max(0, round(seconds * SR))


def db_to_gain(db: float) -> float:
    """Linear amplitude for a level in dB."""
    return float(10.0 ** (db / 20.0))


# --------------------------------------------------------------------------- envelopes


def _taper(env: Array, seconds: float = 0.004) -> Array:
    """Force the last few ms smoothly to zero (a tail that never ends on a step)."""
    k = min(len(env), n_of(seconds))
    if k > 1:
        env[-k:] *= 0.5 + 0.5 * np.cos(np.linspace(0.0, np.pi, k))
    return env


def adsr(gate_s: float, a: float, d: float, s: float, r: float) -> Array:
    """Attack (raised cosine), decay to ``s``, sustain while the gate is open, release to 0."""
    n_gate, n_rel = n_of(gate_s), max(2, n_of(r))
    t = np.arange(n_gate + n_rel) / SR
    a = max(a, 0.0015)
    att = np.where(t < a, 0.5 - 0.5 * np.cos(np.pi * np.minimum(t / a, 1.0)), 1.0)
    dec = s + (1.0 - s) * np.exp(-np.maximum(t - a, 0.0) / max(d / 5.0, 1e-4))
    env = att * dec
    level = env[n_gate - 1] if n_gate > 0 else 0.0
    x = np.arange(n_rel) / n_rel
    env[n_gate:] = level * np.exp(-4.0 * x) * (0.5 + 0.5 * np.cos(np.pi * x))
    return env


def perc(length_s: float, attack: float, t60: float) -> Array:
    """Percussive envelope: a short raised-cosine attack, then an exponential 60 dB decay."""
    n = max(2, n_of(length_s))
    t = np.arange(n) / SR
    attack = max(attack, 0.0008)
    att = np.where(t < attack, 0.5 - 0.5 * np.cos(np.pi * np.minimum(t / attack, 1.0)), 1.0)
    env = att * np.exp(-6.9078 * np.maximum(t - attack, 0.0) / t60)
    return _taper(env)


def release_at(env: Array, gate_s: float, r: float) -> Array:
    """Damp an envelope after ``gate_s`` (a key let go): multiply by a smooth fall to 0."""
    start = n_of(gate_s)
    n_rel = max(2, n_of(r))
    out = env[: start + n_rel].copy()
    if start < len(out):
        k = len(out) - start
        x = np.arange(k) / n_rel
        out[start:] *= np.exp(-5.0 * x) * (0.5 + 0.5 * np.cos(np.pi * np.minimum(x, 1.0)))
    return _taper(out)


# --------------------------------------------------------------------------- oscillators

_TABLE = 4096


def harmonic_table(amp: Callable[[Array], Array], f0: float, top_hz: float = 16_000.0) -> Array:
    """One cycle of a band-limited wave whose k-th harmonic has amplitude ``amp(k)``."""
    kmax = max(1, min(_TABLE // 2 - 1, int(top_hz / max(f0, 1.0))))
    k = np.arange(1, kmax + 1, dtype=float)
    spec = np.zeros(_TABLE // 2 + 1, dtype=complex)
    spec[1 : kmax + 1] = -1j * amp(k) * (_TABLE / 2)
    table = np.fft.irfft(spec, _TABLE)
    return np.append(table, table[0])


def table_osc(table: Array, freq: float | Array, n: int, phase0: float = 0.0) -> Array:
    """Read a wavetable at ``freq`` (Hz, scalar or per-sample) for ``n`` samples."""
    f = np.broadcast_to(np.asarray(freq, dtype=float), (n,))
    phase = (phase0 + np.cumsum(f) / SR) % 1.0
    return np.interp(phase * _TABLE, np.arange(_TABLE + 1), table)


def lowpass_weights(k: Array, f0: float, cutoff: float, order: float = 2.0) -> Array:
    """Butterworth-like magnitude at harmonic ``k`` of ``f0`` (a filter baked into a table)."""
    return 1.0 / np.sqrt(1.0 + (k * f0 / cutoff) ** (2 * order))


def saw_amps(f0: float, cutoff: float, order: float = 2.0) -> Callable[[Array], Array]:
    """Harmonic amplitudes of a low-passed sawtooth."""
    return lambda k: (1.0 / k) * lowpass_weights(k, f0, cutoff, order)


def square_amps(f0: float, cutoff: float, order: float = 2.0) -> Callable[[Array], Array]:
    """Harmonic amplitudes of a low-passed square (odd harmonics)."""
    return lambda k: np.where(k % 2 == 1, 1.0 / k, 0.0) * lowpass_weights(k, f0, cutoff, order)


def partials(
    f0: float,
    n: int,
    spec: list[tuple[float, float, float]],
    phase_rng: np.random.Generator | None = None,
) -> Array:
    """Additive tone: ``spec`` holds ``(ratio, amplitude, t60_seconds)`` per partial."""
    t = np.arange(n) / SR
    out = np.zeros(n)
    for ratio, amp, t60 in spec:
        f = f0 * ratio
        if f >= SR * 0.45 or amp <= 0:
            continue
        ph = 0.0 if phase_rng is None else float(phase_rng.uniform(0, 2 * np.pi))
        out += amp * np.exp(-6.9078 * t / t60) * np.sin(2 * np.pi * f * t + ph)
    return out


def noise(n: int, rng: np.random.Generator) -> Array:
    """White noise, unit standard deviation."""
    return rng.standard_normal(n)


# --------------------------------------------------------------------------- filters


def _freqs(n: int) -> Array:
    return np.fft.rfftfreq(n, 1.0 / SR)


def fft_filter(x: Array, response: Callable[[Array], Array], pad_s: float = 0.25) -> Array:
    """Zero-phase filter: multiply the spectrum by ``response(freqs_hz)`` (mono or stereo)."""
    n = len(x)
    pad = n_of(pad_s)
    size = 1 << int(np.ceil(np.log2(n + pad)))
    spec = np.fft.rfft(x, size, axis=0)
    h = response(_freqs(size))
    if x.ndim == 2:
        h = h[:, None]
    return np.fft.irfft(spec * h, size, axis=0)[:n]


def lp(cutoff: float, order: float = 2.0) -> Callable[[Array], Array]:
    """Low-pass magnitude response."""
    return lambda f: 1.0 / np.sqrt(1.0 + (f / cutoff) ** (2 * order))


def hp(cutoff: float, order: float = 2.0) -> Callable[[Array], Array]:
    """High-pass magnitude response."""
    return lambda f: 1.0 / np.sqrt(1.0 + (cutoff / np.maximum(f, 1e-3)) ** (2 * order))


def bp(low: float, high: float, order: float = 2.0) -> Callable[[Array], Array]:
    """Band-pass: a high-pass at ``low`` times a low-pass at ``high``."""
    a, b = hp(low, order), lp(high, order)
    return lambda f: a(f) * b(f)


def shelf(freq: float, gain_db: float) -> Callable[[Array], Array]:
    """Smooth high shelf (negative gain darkens)."""
    g = db_to_gain(gain_db)
    return lambda f: 1.0 + (g - 1.0) / (1.0 + (freq / np.maximum(f, 1e-3)) ** 2)


def sweep_filter(x: Array, gain_at: Callable[[float, Array], Array], frame: int = 2048) -> Array:
    """Time-varying zero-phase filter by STFT overlap-add; ``gain_at(t, freqs)`` per frame."""
    hop = frame // 4
    win = np.hanning(frame + 1)[:-1]
    n = len(x)
    padded = np.concatenate([np.zeros(frame), x, np.zeros(frame)])
    out = np.zeros_like(padded)
    norm = np.zeros_like(padded)
    freqs = np.fft.rfftfreq(frame, 1.0 / SR)
    for start in range(0, len(padded) - frame, hop):
        seg = padded[start : start + frame] * win
        t = (start + frame / 2 - frame) / SR
        spec = np.fft.rfft(seg) * gain_at(t, freqs)
        out[start : start + frame] += np.fft.irfft(spec, frame) * win
        norm[start : start + frame] += win**2
    out /= np.maximum(norm, 1e-9)
    return out[frame : frame + n]


# --------------------------------------------------------------------------- space


def pan(mono: Array, position: float) -> Array:
    """Constant-power pan: -1 left, 0 centre, +1 right; returns ``(n, 2)``."""
    angle = (position + 1.0) * np.pi / 4.0
    return np.stack([mono * np.cos(angle), mono * np.sin(angle)], axis=1) * np.sqrt(2.0)


def fft_convolve(x: Array, ir: Array) -> Array:
    """Linear convolution of a mono signal with a mono impulse response."""
    size = 1 << int(np.ceil(np.log2(len(x) + len(ir))))
    y = np.fft.irfft(np.fft.rfft(x, size) * np.fft.rfft(ir, size), size)
    return y[: len(x)]


def reverb_ir(
    decay_s: float, seed: int, predelay_s: float = 0.02, damp_hz: float = 5000.0
) -> Array:
    """A stereo room: decorrelated noise tails, highs dying faster than lows. Shape (n, 2)."""
    rng = np.random.default_rng(seed)
    n = n_of(decay_s * 1.2)
    t = np.arange(n) / SR
    chans = []
    for _ in range(2):
        raw = rng.standard_normal(n)
        low = fft_filter(raw, lp(damp_hz, 1.0)) * np.exp(-6.9078 * t / decay_s)
        high = fft_filter(raw, hp(damp_hz, 1.0)) * np.exp(-6.9078 * t / (decay_s * 0.35))
        tail = (low + high) * (0.5 - 0.5 * np.cos(np.pi * np.minimum(t / 0.03, 1.0)))
        ir = np.concatenate([np.zeros(n_of(predelay_s)), _taper(tail, 0.05)])
        chans.append(ir / np.sqrt(np.sum(ir**2)))
    return np.stack(chans, axis=1)


def reverb(x: Array, ir: Array) -> Array:
    """Wet signal of stereo ``x`` through a stereo IR (left feeds left, right feeds right)."""
    mid = x.mean(axis=1)
    return np.stack([fft_convolve(mid, ir[:, 0]), fft_convolve(mid, ir[:, 1])], axis=1)


def ping_pong(x: Array, delay_s: float, feedback: float, repeats: int = 6) -> Array:
    """Wet signal of a stereo ping-pong echo (mono sum in, alternating sides out)."""
    mono = x.mean(axis=1)
    out = np.zeros_like(x)
    d = n_of(delay_s)
    for i in range(1, repeats + 1):
        shift = d * i
        if shift >= len(mono):
            break
        out[shift:, (i + 1) % 2] += mono[:-shift] * feedback ** (i - 1)
    return out


# --------------------------------------------------------------------------- levels


def _biquad_mag(b: tuple[float, ...], a: tuple[float, ...], f: Array) -> Array:
    z = np.exp(-2j * np.pi * f / SR)
    num = b[0] + b[1] * z + b[2] * z**2
    den = a[0] + a[1] * z + a[2] * z**2
    return np.abs(num / den)


def k_weight(f: Array) -> Array:
    """Magnitude of the ITU-R BS.1770 K-weighting filter at 48 kHz."""
    shelf_b = (1.53512485958697, -2.69169618940638, 1.19839281085285)
    shelf_a = (1.0, -1.69065929318241, 0.73248077421585)
    hp_b = (1.0, -2.0, 1.0)
    hp_a = (1.0, -1.99004745483398, 0.99007225036621)
    return _biquad_mag(shelf_b, shelf_a, f) * _biquad_mag(hp_b, hp_a, f)


def _block_powers(x: Array) -> Array:
    y = fft_filter(x, k_weight)
    power = np.sum(y**2, axis=1)
    block, hop = n_of(0.4), n_of(0.1)
    if len(power) < block:
        return np.array([power.mean()]) if len(power) else np.array([0.0])
    csum = np.concatenate([[0.0], np.cumsum(power)])
    starts = np.arange(0, len(power) - block + 1, hop)
    return (csum[starts + block] - csum[starts]) / block


def integrated_lufs(x: Array) -> float:
    """Gated integrated loudness (BS.1770) of a stereo signal."""
    p = _block_powers(x)
    p = p[p > 10 ** ((-70 + 0.691) / 10)]
    if len(p) == 0:
        return -70.0
    rel = 10 * np.log10(p.mean()) - 0.691 - 10
    p = p[10 * np.log10(p) - 0.691 > rel]
    return float(10 * np.log10(p.mean()) - 0.691)


def max_momentary_lufs(x: Array) -> float:
    """Loudest 400 ms window (momentary loudness) of a stereo signal."""
    return float(10 * np.log10(max(_block_powers(x).max(), 1e-12)) - 0.691)


def _fast_size(n: int) -> int:
    """The next power of two: FFTs of awkward lengths are many times slower."""
    return 1 << int(np.ceil(np.log2(max(n, 2))))


def oversampled_peak(x: Array, factor: int = 4) -> float:
    """Approximate true peak (linear) from ``factor``-times band-limited oversampling."""
    size = _fast_size(len(x) + 256)
    up = np.fft.irfft(np.fft.rfft(x, size, axis=0), size * factor, axis=0) * factor
    return float(np.max(np.abs(up)))


def limit(x: Array, ceiling: float, lookahead_s: float = 0.004, release_s: float = 0.12) -> Array:
    """Brick-wall look-ahead limiter: the oversampled peak never exceeds ``ceiling``.

    Gains are computed per 1 ms block from 4x-oversampled peaks, spread over the look-ahead
    window, smoothed backwards (attack) and forwards (release) without ever rising above the
    gain a block needs, then interpolated linearly between block centres.
    """
    block = 48
    n = len(x)
    nb = -(-n // block)
    size = _fast_size(nb * block + 256)
    up = np.fft.irfft(np.fft.rfft(x, size, axis=0), size * 4, axis=0) * 4
    peaks = np.abs(up[: nb * block * 4]).max(axis=1).reshape(nb, block * 4).max(axis=1)
    need = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12))
    k = max(1, round(lookahead_s * 1000))
    spread = need.copy()
    for s in range(1, k + 1):
        spread[:-s] = np.minimum(spread[:-s], need[s:])
        spread[s:] = np.minimum(spread[s:], need[:-s])
    att = 1.0 - np.exp(-1.0 / k)
    rel = 1.0 - np.exp(-1.0 / max(1.0, release_s * 1000))
    g = spread.tolist()
    for i in range(nb - 2, -1, -1):
        g[i] = min(g[i], g[i + 1] + (1.0 - g[i + 1]) * att)
    for i in range(1, nb):
        g[i] = min(g[i], g[i - 1] + (1.0 - g[i - 1]) * rel)
    centres = (np.arange(nb) + 0.5) * block
    gain = np.interp(np.arange(n), centres, np.asarray(g))
    return x * gain[:, None]
