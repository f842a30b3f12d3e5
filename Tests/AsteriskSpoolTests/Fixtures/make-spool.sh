#!/usr/bin/env bash
# Writes the fixture spool the AsteriskSpool tests open: what app_voicemail leaves on disk,
# written from its facts (apps/app_voicemail.c) with GNU date and sox, not with vmtui's code.
# Run from this folder; the result (spool/, voicemail.conf) is committed.
set -euo pipefail
export LC_ALL=C
rm -rf spool
root=spool/default
tone() { # tone FILE SECONDS FREQ: 8 kHz mono 16-bit PCM WAV
    sox -q -n -r 8000 -c 1 -b 16 -e signed-integer "$1" synth "$2" sine "$3"
}
wav49() { sox -q "$1" -r 8000 -c 1 -e gsm-full-rate -t wav "$2"; }
gsm() { sox -q "$1" -r 8000 -c 1 -t gsm "$2"; }
# message DIR NUM MAILBOX ORIGTIME CALLERID DURATION MSGID FLAG [ORIGMAILBOX]
message() {
    local dir=$1 num=$2 mailbox=$3 time=$4 callerid=$5 duration=$6 msgid=$7 flag=$8 orig=${9:-$3}
    mkdir -p "$dir"
    {
        printf ';\n; Message Information file\n;\n[message]\n'
        printf 'origmailbox=%s\ncontext=from-internal\nmacrocontext=\nexten=%s\nrdnis=unknown\npriority=2\n' "$orig" "$orig"
        printf 'callerchan=PJSIP/trunk-%08x\ncallerid=%s\n' "$time" "$callerid"
        printf 'origdate=%s\norigtime=%s\ncategory=\n' "$(date -u -d "@$time" '+%a %b %e %r UTC %Y')" "$time"
        [ -n "$msgid" ] && printf 'msg_id=%s\n' "$msgid"
        printf 'flag=%s\nduration=%s\n' "$flag" "$duration"
    } > "$dir/$(printf 'msg%04d' "$num").txt"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tone "$work/a.wav" 1 440
tone "$work/b.wav" 2 660
tone "$work/short.wav" 0.1 550

# 101: every form and folder kind.
m=$root/101
message $m/INBOX 0 101 1764230100 '"Bob \"The Builder\" Smith" <+4930123456>' 1 1764230100-00000001 ''
cp "$work/a.wav" $m/INBOX/msg0000.wav; wav49 "$work/a.wav" $m/INBOX/msg0000.WAV; gsm "$work/a.wav" $m/INBOX/msg0000.gsm
# Written before Asterisk 11: no msg_id. Only the GSM-in-WAV form (format=wav49).
message $m/INBOX 1 101 1764240100 'Unknown' 2 '' ''
wav49 "$work/b.wav" $m/INBOX/msg0001.WAV
# Raw GSM only, a bare number.
message $m/INBOX 2 101 1764250100 '+33140000000' 1 1764250100-00000002 ''
gsm "$work/a.wav" $m/INBOX/msg0002.gsm
# An urgent deposit lands in Urgent.
message $m/Urgent 0 101 1764260100 '"Carol" <102>' 2 1764260100-00000003 Urgent
cp "$work/b.wav" $m/Urgent/msg0000.wav
# Read after being urgent: in Old, still flagged.
message $m/Old 0 101 1764160100 '"Dan" <104>' 1 1764160100-00000004 Urgent
cp "$work/a.wav" $m/Old/msg0000.wav
# A copy forwarded from 102: same msg_id as 102's INBOX/msg0000, origmailbox 102.
message $m/Old 1 101 1764170100 '"Eve" <+4420700000>' 2 1764170100-00000005 '' 102
cp "$work/b.wav" $m/Old/msg0001.wav
message $m/Cust1 0 101 1764180100 '"Back\\slash Ltd" <+4930999>' 1 1764180100-00000006 ''
cp "$work/a.wav" $m/Cust1/msg0000.wav
# Work: msg0000-msg0099 with msg0042 missing (a gap Asterisk's numbering tolerates).
for n in $(seq 0 99); do
    [ "$n" -eq 42 ] && continue
    message $m/Work "$n" 101 $((1763000000 + n * 60)) "\"Caller $n\" <2$(printf '%03d' "$n")>" 0 "$((1763000000 + n * 60))-$(printf '%08x' $((256 + n)))" ''
    gsm "$work/short.wav" $m/Work/$(printf 'msg%04d' "$n").gsm
done
# A recording in progress: tmp/ is not a folder.
message $m/tmp 0 101 1764290100 '"Frank" <105>' 0 1764290100-00000009 ''
# Greetings: unavailable in two forms, the recorded name, a temporary greeting; no busy.
cp "$work/a.wav" $m/unavail.wav; wav49 "$work/a.wav" $m/unavail.WAV
cp "$work/b.wav" $m/greet.wav
cp "$work/a.wav" $m/temp.wav

# 102: the original of the forwarded copy.
m=$root/102
message $m/INBOX 0 102 1764170100 '"Eve" <+4420700000>' 2 1764170100-00000005 '' 102
cp "$work/b.wav" $m/INBOX/msg0000.wav
cp "$work/a.wav" $m/greet.wav
