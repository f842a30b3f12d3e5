#!/bin/sh
# Regenerates the demo voicemail audio committed under Sources/PBXSimulator/DemoAudio.
# Real synthetic speech in telephony format (8 kHz, mono; MP3 where noted). The WAV clips are
# stored as 8-bit G.711 mu-law to keep the repository small; the simulator expands them to
# 16-bit PCM WAV when it seeds a data directory (DemoAudioLibrary.swift).
# so a demo user hears messages and a speech-to-text check could compare the transcriptions
# in Sources/PBXSimulator/Seed/DemoCatalog.swift (keep both in step).
#
# Needs: espeak-ng, sox (and libsox-fmt-mp3 for the MP3 clips).
# Usage: scripts/make-demo-audio.sh
set -eu
cd "$(dirname "$0")/.."
out=Sources/PBXSimulator/DemoAudio
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name|voice|words-per-minute|format|text
while IFS='|' read -r name voice speed format text; do
    [ -z "$name" ] && continue
    espeak-ng -v "$voice" -s "$speed" -w "$tmp/$name.raw.wav" "$text"
    # Telephone band, a touch of level headroom, short silence at both ends.
    sox "$tmp/$name.raw.wav" -r 8000 -c 1 -b 16 "$tmp/$name.wav" \
        highpass 300 lowpass 3400 gain -n -3 pad 0.2 0.3
    if [ "$format" = mp3 ]; then
        sox "$tmp/$name.wav" -C 16 "$out/$name.mp3"
    else
        sox "$tmp/$name.wav" -e u-law -b 8 "$out/$name.wav"
    fi
done <<'CLIPS'
bob-urgent|en-us+m3|165|wav|Hi Alice, it's Bob. The build server is down again. Please call me back as soon as you can.
london|en-gb+m1|160|wav|Hello, this is Oliver from the London office, about the contract renewal. Please ring me back.
tokyo|en-us+m7|160|wav|Hello Alice, this is Taro Yamada in Tokyo. The samples arrived today. Thank you.
dana-lunch|en-us+f3|170|wav|Hi Alice, Dana here. Lunch on Friday still works for me. See you at noon.
athens|en-gb+f2|160|wav|Good morning, this is Eleni from Athens. Your parcel is ready for collection.
marco|en-us+m2|165|mp3|Hi, this is Marco Rossi. The new price list is attached to my email. Talk soon.
conference|en-us+m4|160|wav|This is the weekly planning call recording.
mum|en-gb+f4|155|wav|Hello love, it's Mum. Call me when you get a minute.
sam|en-us+m1|170|mp3|Hey Alice, it's Sam. Are we still on for the game on Saturday?
pharmacy|en-us+f1|165|wav|This is the pharmacy. Your prescription is ready to pick up.
support|en-us+f2|165|wav|Hi, this is the support desk. Ticket four two one seven is resolved.
greeting-unavailable|en-us+f3|165|wav|Hi, you have reached Alice Martin. Please leave a message after the tone.
greeting-name|en-us+f3|165|wav|Alice Martin.
CLIPS
ls -l "$out"
du -sh "$out"
