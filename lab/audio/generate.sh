#!/usr/bin/env bash
# Generates the lab's test audio at test time (nothing binary is committed):
#   speech-48k.wav / speech.ulaw   German espeak-ng speech (about 9 s)
#   speech-8k.wav                  the same, 8 kHz 16-bit mono WAV (baresip's aufile source)
#   tone-48k.wav   / tone.ulaw     1 kHz sine, 5 s, -6 dBFS (easy energy detection)
#   silence.ulaw                   2 s digital silence (µ-law 0xFF), for "no energy" checks
# *.wav: 48 kHz 16-bit mono PCM (Chromium --use-file-for-fake-audio-capture, looped by Chromium).
# *.ulaw: raw µ-law 8 kHz without header (SIPp rtp_stream plays it as PCMU as is).
#
#   bash lab/audio/generate.sh [OUTPUT_DIR]     default: $EMPFANG_LAB_RUN_DIR/audio
# Prints the output dir. Skips files that already exist unless EMPFANG_LAB_AUDIO_FORCE=1.
set -euo pipefail
# shellcheck source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

output=${1:-$LAB_RUN_DIR/audio}
mkdir -p "$output"
for command in espeak-ng sox; do
  command -v "$command" >/dev/null || lab_die "'$command' not found: run 'bash lab/install.sh'"
done

SPEECH_TEXT=${EMPFANG_LAB_SPEECH_TEXT:-"Guten Tag, hier spricht Anna Beispiel von der Firma Muster. Ich rufe wegen meines Termins am Donnerstag an. Bitte rufen Sie mich zurück."}

fresh() { [[ "${EMPFANG_LAB_AUDIO_FORCE:-}" == 1 || ! -s "$1" ]]; }

# Writes to a temporary name first so a parallel reader never sees a half-written file.
if fresh "$output/speech-48k.wav" || fresh "$output/speech.ulaw" || fresh "$output/speech-8k.wav"; then
  raw="$output/.speech-$$.wav"
  espeak-ng -v de -s 150 -w "$raw" "$SPEECH_TEXT"
  sox "$raw" -r 48000 -b 16 -c 1 -e signed-integer "$output/.speech-48k-$$.wav" norm -3
  sox "$raw" -r 8000 -c 1 -t ul "$output/.speech-$$.ulaw" norm -3
  sox "$raw" -r 8000 -b 16 -c 1 -e signed-integer "$output/.speech-8k-$$.wav" norm -3
  mv "$output/.speech-8k-$$.wav" "$output/speech-8k.wav"
  mv "$output/.speech-48k-$$.wav" "$output/speech-48k.wav"
  mv "$output/.speech-$$.ulaw" "$output/speech.ulaw"
  rm -f "$raw"
fi
if fresh "$output/tone-48k.wav" || fresh "$output/tone.ulaw"; then
  sox -n -r 48000 -b 16 -c 1 -e signed-integer "$output/.tone-48k-$$.wav" synth 5 sine 1000 gain -6
  sox -n -r 8000 -c 1 -t ul "$output/.tone-$$.ulaw" synth 5 sine 1000 gain -6
  mv "$output/.tone-48k-$$.wav" "$output/tone-48k.wav"
  mv "$output/.tone-$$.ulaw" "$output/tone.ulaw"
fi
if fresh "$output/silence.ulaw"; then
  sox -D -n -r 8000 -c 1 -t ul "$output/.silence-$$.ulaw" trim 0 2
  mv "$output/.silence-$$.ulaw" "$output/silence.ulaw"
fi
echo "$output"
