"""Media building blocks: ffmpeg, pictures, colours, music and loudness."""
