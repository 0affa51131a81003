"""Voice-over and word-synced captions: script, speech, word timings, captions, ducking mix.

Layout: :mod:`.script` writes and fits the spoken lines, :mod:`.tts` chooses a speech
provider (:mod:`.piper` offline, in its own process; :mod:`.openai_speech` cloud),
:mod:`.align` times words, :mod:`.captions` draws them, :mod:`.subtitles` writes SRT/VTT
and :mod:`.mix` ducks the music under the voice. Nothing here imports the GPL engine.
"""
