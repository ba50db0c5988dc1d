"""Build wikinews_actors.jsonl (without the texts) from the hand-written mention lists in actors/ (run: python build_actors.py [wn01 ... | all] to list capitalised words no mention covers)."""
import json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from paths import CORPUS, HELDOUT, HERE, SPEAKERS_GOLD, ACTORS_GOLD
sys.path.insert(0, str(HELDOUT))
from assemble import Corpus, actors_without_texts, write_jsonl
spk={json.loads(l)['file']:json.loads(l) for l in open(SPEAKERS_GOLD, encoding='utf-8')}
corpus=Corpus(CORPUS)
K={'p':'person','o':'organisation','l':'place'}
DOCS=['wn01','wn03','wn07','wn08','wn11','wn13','wn17','wn18','wn19','wn20']
out=[]; verbose=sys.argv[1:]
for d in DOCS:
    sp=spk[f'wn_{d[2:]}.txt']; t=corpus.text(sp['source']['path'],sp['source']['row'],sp['sha256'],sp['file'])
    lines=[l.split('|') for l in open(HERE / 'actors' / f'a_{d}.txt', encoding='utf-8').read().splitlines() if l.strip()]
    used=set(); cur=0; ms=[]
    fulls=[l[0].lstrip('>') for l in lines if l[1]=='p' and ' ' in l[0] and len(l)==2]
    for l in lines:
        name,k=l[0],l[1]
        nested=name.startswith('>'); name=name.lstrip('>')
        pos=cur
        while True:
            m=re.search(r'(?<![\w-])'+re.escape(name)+r'(?!\w)', t[pos:])
            assert m, (d,name,cur,t[cur:cur+80])
            s=pos+m.start(); e=s+len(name)
            if (s,e) in used or (not nested and any(a<e and s<b for a,b in used)): pos=s+1; continue
            break
        used.add((s,e)); cur=s
        if len(l)>2: canon=l[2]
        elif k=='p' and ' ' not in name:
            c=[f for f in set(fulls) if f.split()[-1]==name or f.split()[0]==name]
            canon=c[0] if len(c)==1 else name
            assert len(c)<=1,(d,name,c)
        else: canon=name
        actor=canon.replace(' ','_')+('' if k!='l' or canon in ('',) else '')
        ms.append(dict(start=s,end=e,text=name,kind=K[k],actor=f'{actor}' if k!='l' else f'{actor}'))
    # distinguish same canonical used with two kinds
    kinds={}
    for m in ms: kinds.setdefault(m['actor'],set()).add(m['kind'])
    for m in ms:
        if len(kinds[m['actor']])>1: m['actor']+=f"_({m['kind']})"
    ms.sort(key=lambda m:(m['start'],-m['end']))
    quotes=[dict(start=q['start']-1,end=q['end']+1,text=t[q['start']-1:q['end']+1]) for q in sp['quotes']]
    src=sp['source']
    rec=dict(id=f'wikinews_{d}',title=src['title'],date=src['date'],source='Wikinews',url=src['url'].replace('.org//wiki','.org/wiki'),
             text=t,mentions=ms,quotes=quotes,sha256=sp['sha256'],
             provenance={k:src[k] for k in ('path','row','field','url','licence')})
    out.append(rec)
    if d in verbose or 'all' in verbose:
        print('==',d,len(ms))
        cov=set()
        for m in ms: cov.update(range(m['start'],m['end']))
        for m in re.finditer(r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.-]*)*",t):
            if not any(i in cov for i in range(m.start(),m.end())):
                print('  uncovered:',repr(m.group()), repr(t[max(0,m.start()-20):m.start()]))
write_jsonl(ACTORS_GOLD, actors_without_texts(out))  # the texts stay in ../shared
from collections import Counter
print(len(out),'docs',Counter(m['kind'] for r in out for m in r['mentions']),'actors',sum(len({m['actor'] for m in r['mentions']}) for r in out),'words',sum(len(r['text'].split()) for r in out))
