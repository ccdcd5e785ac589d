#!/usr/bin/env python3
"""Scores zhkit's numbers, dates and times against gold sentences: per kind, the share of gold
entities found with the exact span and group ("span"), overlapped at all ("overlap"), and found with
the right value ("value": numbers to four decimals, ISO durations by length, so P1.5Y equals P1Y6M);
precision and F1 of the spans.

usage: score.py GOLD ZHKIT [--part odd|even|all] [--exclude ID,...] [--show]
"""
import json, re, subprocess, sys
from decimal import Decimal, InvalidOperation

def args():
    a = sys.argv[1:]
    gold, zhkit = a[0], a[1]
    part = a[a.index('--part') + 1] if '--part' in a else 'all'
    excl = set(a[a.index('--exclude') + 1].split(',')) if '--exclude' in a else set()
    return gold, zhkit, part, excl, '--show' in a

GROUP = {'DATE': 'DATE', 'TIME': 'DATE', 'PERCENT': 'NUMBER', 'MONEY': 'NUMBER', 'QUANTITY': 'NUMBER', 'ORDINAL': 'NUMBER', 'CARDINAL': 'NUMBER'}
UNIT = {'Y': Decimal(12 * 30 * 24 * 3600), 'M': Decimal(30 * 24 * 3600), 'W': Decimal(7 * 24 * 3600), 'D': Decimal(24 * 3600)}
TUNIT = {'H': Decimal(3600), 'M': Decimal(60), 'S': Decimal(1)}

def duration(v):
    m = re.fullmatch(r'P((?:[\d.]+[YMWD])*)(?:T((?:[\d.]+[HMS])+))?', v)
    if not m or v == 'P':
        return None
    months = Decimal(0); seconds = Decimal(0)
    for amount, u in re.findall(r'([\d.]+)([YMWD])', m.group(1) or ''):
        if u == 'Y': months += Decimal(amount) * 12
        elif u == 'M': months += Decimal(amount)
        else: seconds += Decimal(amount) * UNIT[u]
    for amount, u in re.findall(r'([\d.]+)([HMS])', m.group(2) or ''):
        seconds += Decimal(amount) * TUNIT[u]
    return (months, seconds)

def atom(v):
    d = duration(v)
    if d is not None:
        return ('P', d)
    try:
        return ('N', round(Decimal(v), 4))
    except InvalidOperation:
        return ('S', v)

def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    def parts(v):
        unit = ''
        if ' ' in v:
            v, unit = v.rsplit(' ', 1)
        return [atom(x) for x in v.split('/')], unit
    return parts(a) == parts(b)

def main():
    gold_path, zhkit, part, excl, show = args()
    cases = [json.loads(l) for l in open(gold_path, encoding='utf-8') if l.strip()]
    def keep(i, c):
        if c['id'] in excl: return False
        return part == 'all' or (i % 2 == 0) == (part == 'even')
    cases = [c for i, c in enumerate(cases) if keep(i, c)]
    inp = ''.join(json.dumps({'id': c['id'], 'text': c['text']}, ensure_ascii=False) + '\n' for c in cases)
    out = subprocess.run([zhkit, 'annotate', '--quiet', '--input-format', 'jsonl', '--no-tagger', '--reference-date', '2026-11-30'],
                         input=inp.encode(), capture_output=True, check=True).stdout.decode()
    found = {}
    for line in out.splitlines():
        d = json.loads(line)
        found[str(d['id'])] = [e for e in d['entities'] if e['label'] in GROUP]
    stats = {}
    for c in cases:
        k = c['kind']; s = stats.setdefault(k, dict(gold=0, pred=0, span=0, overlap=0, value=0, fp_cases=0))
        text = c['text']; pos = 0; golds = []
        for e in c['entities']:
            start = text.find(e['text'], pos); pos = start + len(e['text'])
            golds.append((start, pos, e))
        preds = found.get(c['id'], [])
        s['gold'] += len(golds); s['pred'] += len(preds)
        for (a, b, e) in golds:
            match = [p for p in preds if p['start'] == a and p['end'] == b and GROUP[p['label']] == GROUP[e['label']]]
            over = [p for p in preds if p['start'] < b and a < p['end']]
            if over: s['overlap'] += 1
            ok = False
            if match:
                s['span'] += 1
                if same(match[0]['value'], e.get('value')):
                    s['value'] += 1; ok = True
            if show and not ok:
                got = '; '.join(f"{p['label']} {p['text']}={p['value']}" for p in over) or '-'
                print(f"{c['id']}\t{e['label']} {e['text']}={e.get('value')}\tgot: {got}\t| {text}")
        gold_spans = {(a, b) for a, b, _ in golds}
        extra = [p for p in preds if (p['start'], p['end']) not in gold_spans]
        if extra:
            s['fp_cases'] += 1
            if show:
                print(f"{c['id']}\tEXTRA " + '; '.join(f"{p['label']} {p['text']}={p['value']}" for p in extra) + f"\t| {text}")
    print(f"{'kind':10} {'gold':>5} {'span':>6} {'overlap':>8} {'value':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for k, s in stats.items():
        p = s['span'] / s['pred'] if s['pred'] else 1.0
        r = s['span'] / s['gold'] if s['gold'] else 1.0
        f = 2 * p * r / (p + r) if p + r else 0
        print(f"{k:10} {s['gold']:5} {s['span']/max(1,s['gold']):6.3f} {s['overlap']/max(1,s['gold']):8.3f} {s['value']/max(1,s['gold']):6.3f} {p:6.3f} {r:6.3f} {f:6.3f}  ({s['fp_cases']} cases with extra spans)")

main()
